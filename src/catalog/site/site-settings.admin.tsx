/** Admin: a site's footer identifiers and the register of leaders and agency names for the name check. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../../web/views/forms.js';
import { setNameRegister, setSiteIdentity } from './manage-site.js';
import { managedAgency } from '../managed-agency.js';
import { siteStore } from './site.store.js';
import { formRoute } from '../../web/form-route.js';

type Body = Record<string, string | undefined>;
type Q = { Querystring: { agency?: string } };

export function registerSiteSettingsAdmin(app: FastifyInstance, ctx: AppContext): void {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agencyId: string | undefined,
    errors: Errors = {},
    message?: string,
    values?: Body,
  ) => {
    const agency = await managedAgency(ctx, request, agencyId, '您无权管理网站设置。');
    const [identity, names] = await Promise.all([
      siteStore.identity(ctx.db, agency.id),
      siteStore.names(ctx.db, agency.id),
    ]);
    const v = (k: string, stored: string | undefined) => values?.[k] ?? stored ?? '';
    const csrf = <CsrfField token={request.csrfToken} />;
    return sendAdminPage(
      reply,
      request,
      '网站标识与名称核对',
      <>
        <h1>网站标识与名称核对：{agency.name}</h1>
        <ErrorSummary errors={errors} message={message} />
        <h2>网站页脚标识</h2>
        <p>填写后显示在本机关门户每个页面的页脚；未填写时沿用上级机关网站的设置。</p>
        <form method="post" action={`/admin/catalog/site?agency=${agency.id}`}>
          {csrf}
          <TextField
            name="siteCode"
            label="网站标识码"
            value={v('siteCode', identity?.siteCode)}
            errors={errors}
          />
          <TextField name="icpNo" label="ICP 备案号" value={v('icpNo', identity?.icpNo)} errors={errors} />
          <TextField
            name="psbNo"
            label="公安机关备案号"
            value={v('psbNo', identity?.psbNo)}
            errors={errors}
          />
          <TextField
            name="partyMarkUrl"
            label="党政机关网站标识链接"
            value={v('partyMarkUrl', identity?.partyMarkUrl)}
            errors={errors}
            hint="党政机关网站标识的核验页面网址"
          />
          <TextField
            name="errorReportUrl"
            label="“我为政府网站找错”链接"
            value={v('errorReportUrl', identity?.errorReportUrl)}
            errors={errors}
            hint="如 https://zfwzzc.www.gov.cn/ 加本网站的参数"
          />
          <button type="submit">保存页脚标识</button>
        </form>
        <h2>领导姓名和机构名称</h2>
        <p>发布前检查会比对正文和附件中的领导职务、姓名和机构名称，不一致时须审核人员核实确认。</p>
        <form method="post" action={`/admin/catalog/names?agency=${agency.id}`}>
          {csrf}
          <Field name="leaders" label="领导名单" errors={errors} hint="每行一人：职务 姓名，如“乡长 李四”">
            {(a) => (
              <textarea {...a} rows={6}>
                {v('leaders', names.leaders.map((l) => `${l.post} ${l.name}`).join('\n'))}
              </textarea>
            )}
          </Field>
          <Field
            name="agencyNames"
            label="机构规范名称"
            errors={errors}
            hint="每行一个，如“固镇县仲兴乡人民政府”；本机关名称自动包括在内"
          >
            {(a) => (
              <textarea {...a} rows={6}>
                {v('agencyNames', names.agencies.join('\n'))}
              </textarea>
            )}
          </Field>
          <button type="submit">保存名单</button>
        </form>
      </>,
      Object.keys(errors).length || message ? 400 : 200,
    );
  };

  const guard = async (request: FastifyRequest, reply: FastifyReply, run: (b: Body) => Promise<void>) => {
    const agencyId = (request.query as { agency?: string }).agency;
    const b = (request.body ?? {}) as Body;
    return formRoute(reply, {
      run: () => run(b),
      redirect: () => `/admin/catalog/site?agency=${agencyId ?? ''}&done=1`,
      again: (e) => page(request, reply, agencyId, e.fields, e.message, b),
    });
  };
  app.get<Q>('/admin/catalog/site', async (request, reply) => page(request, reply, request.query.agency));
  app.post<Q>('/admin/catalog/site', async (request, reply) =>
    guard(request, reply, (b) =>
      setSiteIdentity(ctx, requireUser(request).actor, request.query.agency ?? '', b),
    ),
  );
  app.post<Q>('/admin/catalog/names', async (request, reply) =>
    guard(request, reply, (b) =>
      setNameRegister(ctx, requireUser(request).actor, request.query.agency ?? '', {
        leaders: b.leaders ?? '',
        agencyNames: b.agencyNames ?? '',
      }),
    ),
  );
}
