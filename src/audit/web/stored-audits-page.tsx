/** Saved audits: the list for one agency, and one saved audit's findings (the document itself is not kept). */
import type { StoredAudit, StoredAuditSummary } from '../stored-audits.store.js';
import { SEVERITY, where } from './audit-page.js';

export const savedAuditHref = (id: string) => `/admin/audit/saved/${encodeURIComponent(id)}`;

export function AgencyPicker(props: {
  agencies: readonly { id: string; name: string }[];
  selected?: string;
}) {
  return (
    <form method="get" action="/admin/audit/saved">
      <label for="agency">机关</label>{' '}
      <select id="agency" name="agency">
        {props.agencies.map((a) => (
          <option value={a.id} selected={a.id === props.selected}>
            {a.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit">查看</button>
    </form>
  );
}

export function StoredAuditList(props: { agencyName: string; audits: readonly StoredAuditSummary[] }) {
  if (props.audits.length === 0) return <p id="saved-audits">{props.agencyName}还没有保存的年报审查结果。</p>;
  return (
    <table id="saved-audits">
      <caption>{props.agencyName}已保存的年报审查结果</caption>
      <thead>
        <tr>
          <th scope="col">报告年度</th>
          <th scope="col">文件</th>
          <th scope="col">错误</th>
          <th scope="col">警告</th>
          <th scope="col">审查人</th>
          <th scope="col">审查时间</th>
        </tr>
      </thead>
      <tbody>
        {props.audits.map((a) => (
          <tr>
            <th scope="row">
              <a href={savedAuditHref(a.id)}>{a.year}</a>
            </th>
            <td>{a.fileName}</td>
            <td>{a.errors}</td>
            <td>{a.warnings}</td>
            <td>{a.auditedByLabel}</td>
            <td>{a.auditedAt.replace('T', ' ').slice(0, 19)} UTC</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StoredAuditView(props: { audit: StoredAudit; agencyName: string }) {
  const a = props.audit;
  return (
    <>
      <h1>
        {props.agencyName}
        {a.year}年年报审查结果
      </h1>
      <dl class="meta">
        <dt>文件</dt>
        <dd>{a.fileName}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code>{a.digest}</code>
        </dd>
        <dt>文档中识别的机关与年度</dt>
        <dd>
          {a.detectedAgency ?? '未识别'}，{a.detectedYear ?? '未识别'}
        </dd>
        <dt>问题</dt>
        <dd id="saved-counts">
          {a.errors} 个错误，{a.warnings} 个警告，{a.infos} 个提示
        </dd>
        <dt>审查</dt>
        <dd>
          {a.auditedByLabel}，{a.auditedAt.replace('T', ' ').slice(0, 19)} UTC
        </dd>
      </dl>
      <h2>发现的问题</h2>
      {a.findings.length === 0 ? (
        <p>未发现问题{a.notChecked.length > 0 ? '，但有部分内容未能核对（见下）' : ''}。</p>
      ) : (
        <ol class="audit-findings">
          {a.findings.map((f) => (
            <li>
              <span class={`tag ${f.severity}`}>{SEVERITY[f.severity]}</span> <code>{f.ruleId}</code>{' '}
              {where(f)}
              <p>{f.message}</p>
            </li>
          ))}
        </ol>
      )}
      {a.notChecked.length > 0 && (
        <>
          <h2>未能核对</h2>
          <ul>
            {a.notChecked.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
