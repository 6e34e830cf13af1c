/**
 * The sections of the registry's admin page: the documents nearing 有效期至, the register itself, the
 * documents from before the platform (存量文件) and the registry rules. Markup only; the page loads the data.
 */
import { CsrfField, TextField, type Errors } from '../../../web/views/forms.js';
import { validityLabel, type Validity } from '../../items/item.js';
import { defaultRegistrationTemplate, EXPIRY_ALERT_MONTHS, type ValidityRules } from '../normative-rules.js';
import type { registryOf } from '../registry.js';
import type { registryStore } from '../registry.store.js';

export type Body = Record<string, string | undefined>;
type RegisteredRow = Awaited<ReturnType<typeof registryOf>>[number];

/** A document to review before its 有效期至: a registered one links to its item, an entered one to its row. */
export interface ExpiringDocument {
  title: string;
  docNo: string;
  expiresOn: string | null;
  href: string;
}

export function ExpiringDocuments(props: { expiring: readonly ExpiringDocument[] }) {
  const { expiring } = props;
  return (
    <>
      <h2>即将到期（{EXPIRY_ALERT_MONTHS} 个月内）</h2>
      {expiring.length === 0 ? (
        <p>没有 {EXPIRY_ALERT_MONTHS} 个月内到期的现行有效文件。</p>
      ) : (
        <ul>
          {expiring.map((d) => (
            <li>
              <a href={d.href}>{d.title}</a>（{d.docNo}）有效期至 {d.expiresOn}
              ，请评估是否继续有效、修订或废止。
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The register: every published normative document with its 统一登记号 (if one was issued) and validity. */
export function RegisterTable(props: { docs: readonly RegisteredRow[]; numbers: Map<string, string> }) {
  const { docs, numbers } = props;
  return (
    <>
      <h2>登记簿</h2>
      <table>
        <caption>已发布的规范性文件</caption>
        <thead>
          <tr>
            <th scope="col">统一登记号</th>
            <th scope="col">名称</th>
            <th scope="col">文号</th>
            <th scope="col">发布日期</th>
            <th scope="col">有效期至</th>
            <th scope="col">有效性</th>
          </tr>
        </thead>
        <tbody>
          {docs.map((d) => (
            <tr>
              <td>{numbers.get(d.id) ?? '（未登记）'}</td>
              <td>
                <a href={`/admin/catalog/items/${d.id}`}>{d.title}</a>
              </td>
              <td>{d.doc_no}</td>
              <td>{d.published_on}</td>
              <td>{d.expires_on}</td>
              <td>
                {validityLabel[d.validity as Validity]}
                {d.repealed_on && `（${d.repealed_on}）`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The registration-number template and default validity periods, with what was typed when refused. */
export function RegistryRulesForm(props: {
  agencyId: string;
  csrf: string;
  template: string | undefined;
  rules: ValidityRules;
  errors: Errors;
  values?: Body;
}) {
  const { rules, errors } = props;
  const v = (k: string, fallback: string) => props.values?.[k] ?? fallback;
  return (
    <>
      <h2>登记规则</h2>
      <form method="post" action={`/admin/catalog/registry?agency=${props.agencyId}`}>
        <CsrfField token={props.csrf} />
        <TextField
          name="registrationTemplate"
          label="统一登记号模板"
          value={v('registrationTemplate', props.template ?? defaultRegistrationTemplate)}
          errors={errors}
          hint="可用占位符：{统一社会信用代码} {机构代码} {YYYY} {MM} {seq:N}；登记号在发布时编发，不会重复"
        />
        <TextField
          name="defaultYears"
          label="默认有效期（年）"
          value={v('defaultYears', String(rules.defaultYears))}
          errors={errors}
          hint="文件未写明有效期时，自施行之日起计算"
        />
        <TextField
          name="trialYears"
          label="试行、暂行文件有效期（年）"
          value={v('trialYears', String(rules.trialYears))}
          errors={errors}
        />
        <TextField
          name="trialWords"
          label="标题中表示试行的词"
          value={v('trialWords', rules.trialWords.join('，'))}
          errors={errors}
          hint="用逗号分隔，如 试行，暂行"
        />
        <button type="submit">保存登记规则</button>
      </form>
    </>
  );
}

type PriorRow = Awaited<ReturnType<typeof registryStore.priorDocumentsOf>>[number];

/** The 存量文件 section: the entered documents, a repeal form on each in force, and the form to enter one. */
export function PriorDocuments(props: {
  agencyId: string;
  csrf: string;
  prior: readonly PriorRow[];
  today: string;
  errors: Errors;
  values?: Body;
}) {
  const { agencyId, prior, errors, today } = props;
  // The add form's values come back only when that form was sent (its fields, not the rules form's).
  const v = (k: string) => (props.values && 'docNo' in props.values ? (props.values[k] ?? '') : '');
  return (
    <>
      <h2>存量文件（本平台启用前制发的规范性文件）</h2>
      <p>
        在本平台启用前制发、尚未废止或失效的文件，按原文号和原日期登记后，计入登记簿的现行有效件数和年度报告表二；
        它们在本站没有页面，可填写原发布网址。
      </p>
      {prior.length === 0 ? (
        <p>尚未登记存量文件。</p>
      ) : (
        <table>
          <caption>已登记的存量文件</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">文号</th>
              <th scope="col">原登记号</th>
              <th scope="col">发布日期</th>
              <th scope="col">有效期至</th>
              <th scope="col">有效性</th>
            </tr>
          </thead>
          <tbody>
            {prior.map((d) => (
              <tr id={`prior-${d.id}`}>
                <td>{d.source_url ? <a href={d.source_url}>{d.title}</a> : d.title}</td>
                <td>{d.doc_no}</td>
                <td>{d.registration_no}</td>
                <td>{d.published_on}</td>
                <td>{d.expires_on}</td>
                <td>
                  {d.repealed_on ? (
                    `废止（${d.repealed_on}）`
                  ) : d.expires_on < today ? (
                    '失效'
                  ) : (
                    <form
                      method="post"
                      action={`/admin/catalog/registry/prior/${d.id}/repeal?agency=${agencyId}`}
                      class="inline"
                    >
                      有效
                      <CsrfField token={props.csrf} />
                      <TextField
                        name={`repeal-${d.id}`}
                        label={`《${d.title}》的废止日期`}
                        type="date"
                        errors={errors}
                      />
                      <button type="submit">登记废止</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>登记一件存量文件</h3>
      <form method="post" action={`/admin/catalog/registry/prior?agency=${agencyId}`}>
        <CsrfField token={props.csrf} />
        <TextField name="title" label="文件名称" value={v('title')} errors={errors} required />
        <TextField
          name="docNo"
          label="文号"
          value={v('docNo')}
          errors={errors}
          hint="如 仲政〔2021〕3号"
          required
        />
        <TextField
          name="registrationNo"
          label="原登记号（选填）"
          value={v('registrationNo')}
          errors={errors}
        />
        <TextField
          name="publishedOn"
          label="发布日期"
          type="date"
          value={v('publishedOn')}
          errors={errors}
          required
        />
        <TextField
          name="effectiveOn"
          label="施行日期（选填）"
          type="date"
          value={v('effectiveOn')}
          errors={errors}
        />
        <TextField
          name="expiresOn"
          label="有效期至（选填）"
          type="date"
          value={v('expiresOn')}
          errors={errors}
          hint="文件未写明有效期时，按登记规则自施行（发布）之日起计算"
        />
        <TextField
          name="repealedOn"
          label="废止日期（已废止的文件才填）"
          type="date"
          value={v('repealedOn')}
          errors={errors}
        />
        <TextField name="sourceUrl" label="原发布网址（选填）" value={v('sourceUrl')} errors={errors} />
        <button type="submit">登记存量文件</button>
      </form>
    </>
  );
}
