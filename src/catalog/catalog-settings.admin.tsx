/** Admin: an agency's columns and index-number rule; the platform's subject taxonomy. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPlatformAdmin } from '../access/permissions.js';
import type { AppContext } from '../platform/context.js';
import { managedAgency } from './managed-agency.js';
import { notFound } from '../platform/errors.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../web/views/forms.js';
import { catalogStore } from './catalog.store.js';
import { defaultIndexTemplate } from './items/index-number.js';
import {
  addColumn,
  addSubject,
  renameColumn,
  setIndexTemplate,
  setReviewLevels,
  setSensitiveWords,
} from './manage-catalog.js';
import { ensureCatalog, listSubjects } from './setup-catalog.js';
import { adoptStandardCatalog, standardEntries } from './standard/standard-catalog.js';
import { StandardCatalogTable } from './standard/standard-table.js';
import { formRoute } from '../web/form-route.js';

type Body = Record<string, string | undefined>;

export function registerCatalogSettingsAdmin(app: FastifyInstance, ctx: AppContext): void {
  registerColumnSettings(app, ctx);
  registerStandardCatalogAdmin(app, ctx);
  registerSubjectSettings(app, ctx);
}

const columnsPage = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  agencyId: string | undefined,
  errors: Errors = {},
  message?: string,
) => {
  const agency = await managedAgency(ctx, request, agencyId, '您无权管理公开目录。');
  await ensureCatalog(ctx.db, agency);
  const columns = await catalogStore.columns(ctx.db, agency.id);
  const template = (await catalogStore.indexTemplate(ctx.db, agency.id)) ?? defaultIndexTemplate;
  const words = await catalogStore.sensitiveWords(ctx.db, agency.id);
  const levels = await catalogStore.reviewLevels(ctx.db, agency.id);
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
      <h2>审核级数</h2>
      <form method="post" action={`/admin/catalog/review-levels?agency=${agency.id}`}>
        {csrf}
        <Field
          name="reviewLevels"
          label="发布前审核级数（三审制）"
          errors={errors}
          hint="每一级由不同的审核人员完成，最后一级审核后发布"
        >
          {(a) => (
            <select {...a}>
              {[1, 2, 3].map((n) => (
                <option value={String(n)} selected={n === levels}>
                  {n} 级
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">保存审核级数</button>
      </form>
      <h2>敏感词</h2>
      <form method="post" action={`/admin/catalog/sensitive-words?agency=${agency.id}`}>
        {csrf}
        <Field
          name="sensitiveWords"
          label="敏感词表"
          errors={errors}
          hint="每行一个，或用逗号分隔；发布前检查会提示正文和附件中出现的敏感词"
        >
          {(a) => (
            <textarea {...a} rows={4}>
              {words.join('\n')}
            </textarea>
          )}
        </Field>
        <button type="submit">保存敏感词</button>
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
        <a href={base}>刷新</a> · <a href="/admin/catalog/subjects">主题分类</a> ·{' '}
        <a href={`/admin/catalog/standard?agency=${agency.id}`}>基层政务公开标准目录</a> ·{' '}
        <a href={`/admin/catalog/registry?agency=${agency.id}`}>规范性文件登记</a> ·{' '}
        <a href={`/admin/catalog/site?agency=${agency.id}`}>网站标识与名称核对</a> ·{' '}
        <a href={`/admin/catalog/statistics?agency=${agency.id}`}>公开统计</a>
      </p>
    </>,
    Object.keys(errors).length || message ? 400 : 200,
  );
};

const guard = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  agencyId: string | undefined,
  run: () => Promise<void>,
) => {
  return formRoute(reply, {
    run,
    redirect: () => `/admin/catalog/columns?agency=${agencyId ?? ''}`,
    again: (e) => columnsPage(ctx, request, reply, agencyId, e.fields, e.message),
  });
};

type Q = { Querystring: { agency?: string } };

/** An agency's columns, index-number rule, review levels and sensitive words. */
function registerColumnSettings(app: FastifyInstance, ctx: AppContext): void {
  app.get<Q>('/admin/catalog/columns', async (request, reply) =>
    columnsPage(ctx, request, reply, request.query.agency),
  );
  app.post<Q>('/admin/catalog/columns', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    return guard(ctx, request, reply, request.query.agency, () =>
      addColumn(ctx, requireUser(request).actor, request.query.agency ?? '', {
        code: b.code ?? '',
        name: b.name ?? '',
        parentCode: b.parentCode || undefined,
      }),
    );
  });
  app.post<Q>('/admin/catalog/index-rule', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    return guard(ctx, request, reply, request.query.agency, () =>
      setIndexTemplate(ctx, requireUser(request).actor, request.query.agency ?? '', b.indexTemplate ?? ''),
    );
  });
  app.post<Q>('/admin/catalog/review-levels', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    return guard(ctx, request, reply, request.query.agency, () =>
      setReviewLevels(ctx, requireUser(request).actor, request.query.agency ?? '', b.reviewLevels ?? ''),
    );
  });
  app.post<Q>('/admin/catalog/sensitive-words', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    return guard(ctx, request, reply, request.query.agency, () =>
      setSensitiveWords(ctx, requireUser(request).actor, request.query.agency ?? '', b.sensitiveWords ?? ''),
    );
  });
  app.post<{ Params: { id: string } }>('/admin/catalog/columns/:id/rename', async (request, reply) => {
    const column = await catalogStore.columnById(ctx.db, request.params.id);
    if (!column) throw notFound('该栏目');
    const b = (request.body ?? {}) as Body;
    return guard(ctx, request, reply, column.agencyId, () =>
      renameColumn(ctx, requireUser(request).actor, column.id, b.name ?? ''),
    );
  });
}

/** Adopting the standard catalog. */
function registerStandardCatalogAdmin(app: FastifyInstance, ctx: AppContext): void {
  app.get<Q>('/admin/catalog/standard', async (request, reply) => {
    const agency = await managedAgency(ctx, request, request.query.agency, '您无权管理公开目录。');
    const entries = await standardEntries(ctx.db, agency.id);
    return sendAdminPage(
      reply,
      request,
      '基层政务公开标准目录',
      <>
        <h1>基层政务公开标准目录：{agency.name}</h1>
        {entries.length === 0 ? (
          <form method="post" action={`/admin/catalog/standard?agency=${agency.id}`}>
            <CsrfField token={request.csrfToken} />
            <p>本机关尚未采用标准目录。采用后，本机关成为各事项的公开主体，可在编辑信息时关联对应事项。</p>
            <button type="submit">采用 26 个领域的标准目录模板</button>
          </form>
        ) : (
          <StandardCatalogTable entries={entries} />
        )}
      </>,
    );
  });
  app.post<Q>('/admin/catalog/standard', async (request, reply) => {
    await adoptStandardCatalog(ctx, requireUser(request).actor, request.query.agency ?? '');
    return reply.redirect(`/admin/catalog/standard?agency=${request.query.agency ?? ''}`, 303);
  });
}

const subjectsPage = async (
  ctx: AppContext,
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

/** The platform's subject taxonomy. */
function registerSubjectSettings(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/catalog/subjects', async (request, reply) => subjectsPage(ctx, request, reply));
  app.post('/admin/catalog/subjects', async (request, reply) => {
    const b = (request.body ?? {}) as Body;
    return formRoute(reply, {
      run: () =>
        addSubject(ctx, requireUser(request).actor, { parentCode: b.parentCode ?? '', name: b.name ?? '' }),
      redirect: () => '/admin/catalog/subjects',
      again: (e) => subjectsPage(ctx, request, reply, e.fields, e.message),
    });
  });
}
