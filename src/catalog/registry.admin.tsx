/**
 * Admin: the normative-document registry of an agency — registered documents with their 统一登记号 and
 * 有效期至, those entering the 6-month window before expiry marked for review — and the registry rules.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { legalDayOf } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import { managedAgency } from './managed-agency.js';
import { DomainError } from '../platform/errors.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import { CsrfField, ErrorSummary, TextField, type Errors } from '../web/views/forms.js';
import { validityLabel, type Validity } from './item.js';
import { setRegistryRules } from './manage-registry.js';
import {
  EXPIRY_ALERT_MONTHS,
  addMonths,
  defaultRegistrationTemplate,
  validityRulesFrom,
} from './normative-rules.js';
import { registryOf } from './registry.js';
import { registryStore } from './registry.store.js';

type Body = Record<string, string | undefined>;
type Q = { Querystring: { agency?: string } };

export function registerRegistryAdmin(app: FastifyInstance, ctx: AppContext): void {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agencyId: string | undefined,
    errors: Errors = {},
    message?: string,
    values?: Body,
  ) => {
    const agency = await managedAgency(ctx, request, agencyId, '您无权管理规范性文件登记。');
    const today = legalDayOf(ctx.now().toISOString());
    const alertUntil = addMonths(today, EXPIRY_ALERT_MONTHS);
    const [docs, settings] = await Promise.all([
      registryOf(ctx.db, agency.id),
      registryStore.settings(ctx.db, agency.id),
    ]);
    const numbers = await registryStore.numbersOf(
      ctx.db,
      docs.map((d) => d.id),
    );
    const rules = validityRulesFrom(settings?.validity_rules);
    const v = (k: string, fallback: string) => values?.[k] ?? fallback;
    const expiring = docs.filter(
      (d) => d.validity === 'in_force' && d.expires_on && d.expires_on >= today && d.expires_on <= alertUntil,
    );
    return sendAdminPage(
      reply,
      request,
      '规范性文件登记',
      <>
        <h1>规范性文件登记：{agency.name}</h1>
        <ErrorSummary errors={errors} message={message} />
        <h2>即将到期（{EXPIRY_ALERT_MONTHS} 个月内）</h2>
        {expiring.length === 0 ? (
          <p>没有 {EXPIRY_ALERT_MONTHS} 个月内到期的现行有效文件。</p>
        ) : (
          <ul>
            {expiring.map((d) => (
              <li>
                <a href={`/admin/catalog/items/${d.id}`}>{d.title}</a>（{d.doc_no}）有效期至 {d.expires_on}
                ，请评估是否继续有效、修订或废止。
              </li>
            ))}
          </ul>
        )}
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
        <h2>登记规则</h2>
        <form method="post" action={`/admin/catalog/registry?agency=${agency.id}`}>
          <CsrfField token={request.csrfToken} />
          <TextField
            name="registrationTemplate"
            label="统一登记号模板"
            value={v('registrationTemplate', settings?.registration_template ?? defaultRegistrationTemplate)}
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
      </>,
      Object.keys(errors).length || message ? 400 : 200,
    );
  };

  app.get<Q>('/admin/catalog/registry', async (request, reply) => page(request, reply, request.query.agency));
  app.post<Q>('/admin/catalog/registry', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    try {
      await setRegistryRules(ctx, requireUser(request).actor, request.query.agency ?? '', {
        registrationTemplate: b.registrationTemplate ?? '',
        defaultYears: b.defaultYears ?? '',
        trialYears: b.trialYears ?? '',
        trialWords: b.trialWords ?? '',
      });
      return reply.redirect(`/admin/catalog/registry?agency=${request.query.agency ?? ''}`, 303);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'validation.failed')
        return page(request, reply, request.query.agency, e.fields, e.message, b);
      throw e;
    }
  });
}
