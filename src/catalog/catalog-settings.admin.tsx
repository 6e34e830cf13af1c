/** Admin: an agency's columns and index-number rule; the platform's subject taxonomy. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPlatformAdmin } from '../agencies/permissions.js';
import type { AppContext } from '../platform/context.js';
import { DomainError, notFound } from '../platform/errors.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../web/admin-kit.js';
import { CsrfField, ErrorSummary, TextField, type Errors } from '../web/views/forms.js';
import { catalogStore } from './catalog.store.js';
import { defaultIndexTemplate } from './index-number.js';
import { addColumn, addSubject, renameColumn, setIndexTemplate } from './manage-catalog.js';
import { ensureCatalog, listSubjects } from './setup-catalog.js';

type Body = Record<string, string | undefined>;

export function registerCatalogSettingsAdmin(app: FastifyInstance, ctx: AppContext): void {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agencyId: string | undefined,
    errors: Errors = {},
    message?: string,
  ) => {
    const user = requireUser(request);
    const agencies = await agenciesInScope(ctx, user, 'catalog.manage');
    const agency = agencies.find((a) => a.id === agencyId) ?? agencies[0];
    if (!agency) throw new DomainError('auth.forbidden', '您无权管理公开目录。');
    await ensureCatalog(ctx.db, agency);
    const columns = await catalogStore.columns(ctx.db, agency.id);
    const template = (await catalogStore.indexTemplate(ctx.db, agency.id)) ?? defaultIndexTemplate;
    const base = `/admin/catalog/columns?agency=${agency.id}`;
    const csrf = <CsrfField token={request.csrfToken} />;
    return sendAdminPage(
      reply,
      request,
      '栏目与索引号设置',
      <>
        <h1>栏目与索引号设置：{agency.name}</h1>
        <ErrorSummary errors={errors} message={message} />
        <h2>索引号规则</h2>
        <form method="post" action={`/admin/catalog/index-rule?agency=${agency.id}`}>
          {csrf}
          <TextField
            name="indexTemplate"
            label="索引号模板"
            value={template}
            errors={errors}
            hint="可用占位符：{统一社会信用代码} {机构代码} {YYYY} {MM} {seq:N}；已发出的索引号不会改变，也不会重复使用"
          />
          <button type="submit">保存规则</button>
        </form>
        <h2>栏目</h2>
        <table>
          <caption>政府信息公开专栏的栏目</caption>
          <thead>
            <tr>
              <th scope="col">代码</th>
              <th scope="col">名称</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr>
                <td>{c.code}</td>
                <td>
                  <form method="post" action={`/admin/catalog/columns/${c.id}/rename`} class="inline">
                    {csrf}
                    <label for={`col-${c.id}`} class="visually-hidden">
                      栏目“{c.code}”的名称
                    </label>
                    <input id={`col-${c.id}`} name="name" value={c.name} />
                    <button type="submit" class="secondary">
                      改名
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>新增栏目</h3>
        <form method="post" action={`/admin/catalog/columns?agency=${agency.id}`}>
          {csrf}
          <TextField name="code" label="栏目代码" errors={errors} hint="用于网址，如 gzdt" />
          <TextField name="name" label="栏目名称" errors={errors} />
          <TextField name="parentCode" label="上级栏目代码（可选）" errors={errors} />
          <button type="submit">新增栏目</button>
        </form>
        <p>
          <a href={base}>刷新</a> · <a href="/admin/catalog/subjects">主题分类</a>
        </p>
      </>,
      Object.keys(errors).length || message ? 400 : 200,
    );
  };

  const guard = async (
    request: FastifyRequest,
    reply: FastifyReply,
    agencyId: string | undefined,
    run: () => Promise<void>,
  ) => {
    try {
      await run();
      return reply.redirect(`/admin/catalog/columns?agency=${agencyId ?? ''}`, 303);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'validation.failed')
        return page(request, reply, agencyId, e.fields, e.message);
      throw e;
    }
  };

  type Q = { Querystring: { agency?: string } };
  app.get<Q>('/admin/catalog/columns', async (request, reply) => page(request, reply, request.query.agency));
  app.post<Q>('/admin/catalog/columns', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    return guard(request, reply, request.query.agency, () =>
      addColumn(ctx, requireUser(request).actor, request.query.agency ?? '', {
        code: b.code ?? '',
        name: b.name ?? '',
        parentCode: b.parentCode || undefined,
      }),
    );
  });
  app.post<Q>('/admin/catalog/index-rule', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    return guard(request, reply, request.query.agency, () =>
      setIndexTemplate(ctx, requireUser(request).actor, request.query.agency ?? '', b.indexTemplate ?? ''),
    );
  });
  app.post<{ Params: { id: string } }>('/admin/catalog/columns/:id/rename', async (request, reply) => {
    const column = await catalogStore.columnById(ctx.db, request.params.id);
    if (!column) throw notFound('该栏目');
    const b = (request.body ?? {}) as Body;
    return guard(request, reply, column.agencyId, () =>
      renameColumn(ctx, requireUser(request).actor, column.id, b.name ?? ''),
    );
  });

  const subjectsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    message?: string,
  ) => {
    const user = requireUser(request);
    const subjects = await listSubjects(ctx.db);
    const admin = isPlatformAdmin(user.actor);
    return sendAdminPage(
      reply,
      request,
      '主题分类',
      <>
        <h1>主题分类</h1>
        <ErrorSummary errors={errors} message={message} />
        <ul>
          {subjects
            .filter((s) => !s.parentCode)
            .map((s) => (
              <li>
                {s.code} {s.name}
                <ul>
                  {subjects
                    .filter((c) => c.parentCode === s.code)
                    .map((c) => (
                      <li>
                        {c.code} {c.name}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
        </ul>
        {admin && (
          <form method="post" action="/admin/catalog/subjects">
            <CsrfField token={request.csrfToken} />
            <TextField name="parentCode" label="上级分类代码（留空为一级分类）" errors={errors} />
            <TextField name="name" label="分类名称" errors={errors} />
            <button type="submit">新增分类</button>
          </form>
        )}
      </>,
      Object.keys(errors).length ? 400 : 200,
    );
  };
  app.get('/admin/catalog/subjects', async (request, reply) => subjectsPage(request, reply));
  app.post('/admin/catalog/subjects', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    try {
      await addSubject(ctx, requireUser(request).actor, {
        parentCode: b.parentCode ?? '',
        name: b.name ?? '',
      });
      return reply.redirect('/admin/catalog/subjects', 303);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'validation.failed')
        return subjectsPage(request, reply, e.fields, e.message);
      throw e;
    }
  });
}
