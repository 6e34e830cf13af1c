/**
 * The supervisor's audit page: a form (paste or upload), and after an audit the findings beside the
 * document, each finding linked to its line and each offending line or cell marked in place. Marks are
 * never colour alone: a marked line carries the numbers of its findings as links.
 */
import { lineText, type Line } from '../read/document.js';
import { SECTION_NAMES, TABLE_NAMES, type AuditFinding } from '../findings.js';
import type { AuditResult } from '../audit.js';
import { FORMAT_LABEL } from '../present.js';
import { CsrfField, Field, TextField, type Errors } from '../../web/views/forms.js';

export interface AuditFormValues {
  text?: string;
  year?: string;
  province?: string;
  /** The agency to save the audit for ('' = do not save). */
  saveAgency?: string;
}

/** Agencies the audit may be saved for: those the user supervises. */
export type SaveTargets = readonly { id: string; name: string }[];

export const MAX_UPLOAD_MB = 10;
export const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

export function where(f: AuditFinding): string {
  const l = f.location;
  return [
    l.page ? `第${l.page}页` : '',
    l.line ? `第${l.line}行${l.cell ? `第${l.cell}格` : ''}` : '',
    l.section ? `第${SECTION_NAMES[l.section - 1]}部分` : '',
    l.table ? TABLE_NAMES[l.table] : '',
    l.rowLabel ? `“${l.rowLabel}”行` : '',
    l.columnLabel ? `“${l.columnLabel}”列` : '',
  ]
    .filter(Boolean)
    .join('，');
}

export function AuditForm(props: {
  values: AuditFormValues;
  errors: Errors;
  csrf: string;
  saveTargets?: SaveTargets;
}) {
  const v = props.values;
  const e = props.errors;
  return (
    <form method="post" action="/admin/audit" enctype="multipart/form-data" novalidate>
      <CsrfField token={props.csrf} />
      <Field
        name="text"
        label="粘贴年报文本"
        errors={e}
        hint="从网页上复制的年报全文（含表格）；也可以粘贴网页的 HTML 源代码"
      >
        {(a) => (
          <textarea {...a} rows={12}>
            {v.text ?? ''}
          </textarea>
        )}
      </Field>
      <Field
        name="file"
        label="或上传年报文件"
        errors={e}
        hint={`支持 TXT、HTML、DOCX、PDF（含文字层）、DOC/WPS，不超过 ${MAX_UPLOAD_MB} MB`}
      >
        {(a) => <input {...a} type="file" accept=".txt,.htm,.html,.docx,.pdf,.doc,.wps" />}
      </Field>
      <TextField
        name="year"
        label="报告年度（可选）"
        value={v.year}
        errors={e}
        hint="文档中识别不到或识别有误时填写，如 2023"
      />
      <TextField
        name="province"
        label="本机关所在省份（可选）"
        value={v.province}
        errors={e}
        hint="如：安徽。用于发现照抄其他地区的内容"
      />
      {props.saveTargets && props.saveTargets.length > 0 && (
        <Field
          name="saveAgency"
          label="保存审查结果（可选）"
          errors={e}
          hint="选择发布该年报的下级机关，审查结果将按上面的报告年度（未填写时按文档中识别的年度）保存，并显示在年报汇总中"
        >
          {(a) => (
            <select {...a}>
              <option value="">不保存</option>
              {props.saveTargets!.map((t) => (
                <option value={t.id} selected={v.saveAgency === t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <button type="submit">审查</button>
    </form>
  );
}

/** Findings by source line, numbered as listed (1-based), so a line can link back to its findings. */
function findingsByLine(findings: AuditFinding[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  findings.forEach((f, i) => {
    if (f.location.line) out.set(f.location.line, [...(out.get(f.location.line) ?? []), i + 1]);
  });
  return out;
}

function DocumentView({ lines, findings }: { lines: Line[]; findings: AuditFinding[] }) {
  const byLine = findingsByLine(findings);
  const markedCells = new Set(
    findings
      .filter((f) => f.location.line && f.location.cell)
      .map((f) => `${f.location.line}:${f.location.cell}`),
  );
  return (
    <ol class="audit-doc" tabIndex={0} aria-label="文档原文">
      {lines.map((line) => {
        const n = line.pos.line;
        const hits = byLine.get(n);
        const wholeLine = hits?.some((k) => !findings[k - 1]!.location.cell);
        return (
          <li id={`L${n}`} value={n} class={hits ? 'audit-hit' : undefined}>
            {hits && (
              <span class="audit-refs">
                {hits.map((k) => (
                  <a href={`#F${k}`}>问题 {k}</a>
                ))}
              </span>
            )}
            {line.kind === 'row' ? (
              <span class="audit-row">
                {line.cells.map((c, ci) =>
                  markedCells.has(`${n}:${c.pos.cell ?? ci + 1}`) ? (
                    <mark class="audit-cell">{c.text || '（空）'}</mark>
                  ) : (
                    <span class="audit-cell">{c.text}</span>
                  ),
                )}
              </span>
            ) : wholeLine ? (
              <mark>{lineText(line)}</mark>
            ) : (
              lineText(line)
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function AuditResultView(props: { result: AuditResult; lines: Line[] }) {
  const r = props.result;
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.filter((f) => f.severity === 'warning').length;
  return (
    <section aria-labelledby="audit-result-title">
      <h2 id="audit-result-title">审查结果：{r.fileName}</h2>
      <dl class="meta">
        <dt>机关</dt>
        <dd>{r.agency ?? '未识别'}</dd>
        <dt>年度</dt>
        <dd>{r.year ?? '未识别'}</dd>
        <dt>表格格式</dt>
        <dd>
          表二：{FORMAT_LABEL[r.formats.t2]}；表三：{FORMAT_LABEL[r.formats.t3]}；表四：
          {FORMAT_LABEL[r.formats.t4]}
        </dd>
        <dt>问题</dt>
        <dd>
          {errors} 个错误，{warnings} 个警告
        </dd>
      </dl>
      <div class="audit-columns">
        <div>
          <h3>发现的问题</h3>
          {r.findings.length === 0 ? (
            <p>未发现问题{r.notChecked.length > 0 ? '，但有部分内容未能核对（见下）' : ''}。</p>
          ) : (
            <ol class="audit-findings">
              {r.findings.map((f, i) => (
                <li id={`F${i + 1}`}>
                  <span class={`tag ${f.severity}`}>{SEVERITY[f.severity]}</span> <code>{f.ruleId}</code>
                  {where(f) && (
                    <> {f.location.line ? <a href={`#L${f.location.line}`}>{where(f)}</a> : where(f)}</>
                  )}
                  <p>{f.message}</p>
                  {(typeof f.expected === 'number' || typeof f.actual === 'number') && (
                    <p>
                      应为 {f.expected ?? '—'}，实为 {f.actual ?? '—'}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
          {r.notChecked.length > 0 && (
            <>
              <h3>未能核对</h3>
              <ul>
                {r.notChecked.map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
            </>
          )}
          {r.notes.length > 0 && (
            <>
              <h3>说明</h3>
              <ul>
                {r.notes.map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div>
          <h3>文档（有问题的行已标出）</h3>
          {props.lines.length === 0 ? (
            <p>文档没有可读的文字。</p>
          ) : (
            <DocumentView lines={props.lines} findings={r.findings} />
          )}
        </div>
      </div>
    </section>
  );
}
