/**
 * Admin screens of the catalog: the item list in the user's scope, the editor form (with an attachment),
 * the item page with review (checks to confirm), publish, return, revise, withdraw and repeal.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ItemFacts } from './views/item-facts.js';
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { can } from '../../access/permissions.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, TextField, type Errors } from '../../web/views/forms.js';
import { approveItem } from './approve-item.js';
import { addAttachment, addCheckedAttachment, removeAttachment } from './attach.js';
import { checkItemAttachment, MAX_ATTACHMENT_BYTES } from './attachments.js';
import { catalogStore } from '../catalog.store.js';
import { itemStatusLabel, itemStatuses, type Item, type ItemStatus } from './item.js';
import { acceptUploads, filesOf } from '../../web/uploads.js';
import { checksOf, publishItem } from './publish-item.js';
import { endValidity } from './repeal-item.js';
import { reviseItem } from './revise-item.js';
import { createItem, editItem } from './save-item.js';
import { ensureCatalog, listSubjects } from '../setup-catalog.js';
import { standardEntries } from '../standard/standard-catalog.js';
import { returnItem, submitItem } from './submit-item.js';
import { formToInput, ItemForm, itemToForm, type Form } from './views/item-form.js';
import { withdrawItem } from './withdraw-item.js';
import { ItemReadOnly } from './views/item-readonly.js';
import { ItemAttachments, ItemReview, PublishedItemEnds } from './views/item-page-sections.js';
import { registerCatalogSettingsAdmin } from '../catalog-settings.admin.js';
import { registerRegistryAdmin } from '../registry/registry.admin.js';
import { registerSiteSettingsAdmin } from '../site/site-settings.admin.js';
import { registerStatisticsAdmin } from '../statistics/statistics.admin.js';

type Body = Record<string, unknown>;
const str = (b: Body, k: string) => {
  const v = b[k];
  return typeof v === 'string' ? v : '';
};
const strings = (b: Body): Form =>
  Object.fromEntries(Object.entries(b).filter(([, v]) => typeof v === 'string')) as Form;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

async function formContext(ctx: AppContext, agency: Agency) {
  await ensureCatalog(ctx.db, agency);
  const [columns, subjects, entries, docs] = await Promise.all([
    catalogStore.columns(ctx.db, agency.id),
    listSubjects(ctx.db),
    standardEntries(ctx.db, agency.id),
    catalogStore.normativeItemIds(ctx.db, agency.id, 200),
  ]);
  const documents = await catalogStore.itemsByIds(
    ctx.db,
    docs.map((d) => d.id),
  );
  return { columns, subjects, entries, documents };
}

/** Renders the domain error's fields on the form, or rethrows what is not a form problem. */
function formErrors(e: unknown): { errors: Errors; message: string } {
  if (e instanceof DomainError && (e.code === 'validation.failed' || e.code.startsWith('catalog.')))
    return { errors: e.fields, message: e.message };
  throw e;
}

export async function registerCatalogAdmin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await acceptUploads(app, { maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: 5 });
  registerCatalogSettingsAdmin(app, ctx);
  registerRegistryAdmin(app, ctx);
  registerSiteSettingsAdmin(app, ctx);
  registerStatisticsAdmin(app, ctx);
  registerItemList(app, ctx);
  registerItemCreation(app, ctx);
  registerItemPage(app, ctx);
  registerItemActions(app, ctx);
}

/** The item list in the user's scope. */
function registerItemList(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { status?: string; page?: string } }>('/admin/catalog', async (request, reply) => {
    const user = requireUser(request);
    const editable = await agenciesInScope(ctx, user, 'catalog.edit');
    const status = (itemStatuses as readonly string[]).includes(request.query.status ?? '')
      ? (request.query.status as ItemStatus)
      : undefined;
    const page = Math.max(1, Number(request.query.page) || 1);
    const { items, total } = await catalogStore.forAdmin(ctx.db, {
      agencyIds: editable.map((a) => a.id),
      status,
      limit: 30,
      offset: (page - 1) * 30,
    });
    const names = new Map(editable.map((a) => [a.id, a.shortName]));
    return sendAdminPage(
      reply,
      request,
      '主动公开信息',
      <>
        <h1>主动公开信息</h1>
        <p>
          {editable.map((a) => (
            <a class="button" href={`/admin/catalog/new?agency=${a.id}`}>
              为{a.shortName}新建信息
            </a>
          ))}{' '}
          {editable.length > 0 && (
            <a href={`/admin/catalog/columns?agency=${editable[0]!.id}`}>栏目与索引号设置</a>
          )}{' '}
          {editable.length > 0 && <a href="/admin/catalog/import">批量导入</a>}{' '}
          {editable.length > 0 && <a href="/admin/catalog/repost">转载上级信息</a>}
        </p>
        <nav aria-label="按状态筛选">
          <a href="/admin/catalog">全部</a>
          {itemStatuses.map((s) => (
            <>
              {' · '}
              <a href={`/admin/catalog?status=${s}`} aria-current={status === s ? 'page' : undefined}>
                {itemStatusLabel[s]}
              </a>
            </>
          ))}
        </nav>
        <table>
          <caption>共 {total} 条</caption>
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">机关</th>
              <th scope="col">状态</th>
              <th scope="col">索引号</th>
              <th scope="col">发布日期</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr>
                <td>
                  <a href={`/admin/catalog/items/${i.id}`}>{i.title}</a>
                  {i.late && <span class="tag error">超过20个工作日</span>}
                </td>
                <td>{names.get(i.agencyId)}</td>
                <td>{itemStatusLabel[i.status]}</td>
                <td>{i.indexNo}</td>
                <td>{i.publishedOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {total > page * 30 && (
          <a href={`/admin/catalog?${status ? `status=${status}&` : ''}page=${page + 1}`}>下一页</a>
        )}
      </>,
    );
  });
}

const newItemPage = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  agency: Agency,
  values: Form,
  errors: Errors = {},
  message?: string,
) =>
  sendAdminPage(
    reply,
    request,
    '新建公开信息',
    <>
      <h1>新建公开信息：{agency.name}</h1>
      <ItemForm
        action={`/admin/catalog/new?agency=${agency.id}`}
        csrf={request.csrfToken}
        values={values}
        errors={errors}
        message={message}
        withAttachment
        submitLabel="保存草稿"
        {...await formContext(ctx, agency)}
      />
    </>,
    Object.keys(errors).length || message ? 400 : 200,
  );

const agencyForEdit = async (ctx: AppContext, request: FastifyRequest, id: string | undefined) => {
  const user = requireUser(request);
  const all = await agenciesStore.all(ctx.db);
  const agency = all.find((a) => a.id === id);
  if (!agency) throw notFound('该机关');
  if (!can(user.actor, 'catalog.edit', agency.id, all)) throw forbidden('您无权为该机关编辑公开信息。');
  return { user, agency };
};

/** The new-item form (with an attachment). */
function registerItemCreation(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { agency?: string } }>('/admin/catalog/new', async (request, reply) => {
    const { agency } = await agencyForEdit(ctx, request, request.query.agency);
    return newItemPage(ctx, request, reply, agency, { issuer: agency.name });
  });

  app.post<{ Querystring: { agency?: string } }>('/admin/catalog/new', async (request, reply) => {
    const { user, agency } = await agencyForEdit(ctx, request, request.query.agency);
    const body = (request.body ?? {}) as Body;
    const values = strings(body);
    const file = filesOf(body)[0];
    try {
      // The attachment is checked first, so a refused file leaves nothing behind.
      const checked = file && (await checkItemAttachment(file.fileName, file.data));
      const { itemId } = await createItem(ctx, user.actor, agency.id, formToInput(values));
      if (checked) await addCheckedAttachment(ctx, user.actor, itemId, checked);
      return reply.redirect(`/admin/catalog/items/${itemId}`, 303);
    } catch (e) {
      const { errors, message } = formErrors(e);
      return newItemPage(ctx, request, reply, agency, values, errors, message);
    }
  });
}

const itemPage = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  state: { errors?: Errors; message?: string; values?: Form; notice?: string } = {},
) => {
  const user = requireUser(request);
  const item = await catalogStore.itemById(ctx.db, id);
  const all = await agenciesStore.all(ctx.db);
  if (!item) throw notFound('该公开条目');
  const agency = all.find((a) => a.id === item.agencyId)!;
  if (!can(user.actor, 'catalog.edit', item.agencyId, all)) {
    // A supervisor opens a subordinate's item from the dashboard read-only (records.view): no forms.
    if (!can(user.actor, 'records.view', item.agencyId, all)) throw notFound('该公开条目');
    const files = await catalogStore.attachments(ctx.db, item.id);
    return sendAdminPage(
      reply,
      request,
      item.title,
      <ItemReadOnly item={item} agency={agency} files={files} />,
    );
  }
  const mayPublish = can(user.actor, 'catalog.publish', item.agencyId, all);
  const [attachments, findings, fc, levels] = await Promise.all([
    catalogStore.attachments(ctx.db, item.id),
    item.status === 'submitted' || item.status === 'draft' ? checksOf(ctx.db, item) : Promise.resolve([]),
    formContext(ctx, agency),
    catalogStore.reviewLevels(ctx.db, item.agencyId),
  ]);
  const errors = state.errors ?? {};
  // Check findings belong to the review section; the edit form shows only its own fields' errors.
  const reviewProblem = Boolean(
    errors.checks ||
    errors.acknowledge ||
    errors.noticeEndsOn ||
    (state.message && Object.keys(errors).length === 0),
  );
  const formErrs = reviewProblem ? {} : errors;
  const base = `/admin/catalog/items/${item.id}`;
  const csrf = <CsrfField token={request.csrfToken} />;
  return sendAdminPage(
    reply,
    request,
    item.title,
    <>
      <h1>{item.title}</h1>
      {state.notice && (
        <p class="notice" role="status">
          {state.notice}
        </p>
      )}
      <ItemFacts item={item} agency={agency} />
      <ItemAttachments
        item={item}
        attachments={attachments}
        base={base}
        csrf={request.csrfToken}
        errors={errors}
      />
      {item.status === 'draft' && (
        <form method="post" action={`${base}/submit`}>
          {csrf}
          <button type="submit">送审</button>
        </form>
      )}
      {item.status === 'submitted' && mayPublish && (
        <ItemReview
          item={item}
          levels={levels}
          findings={findings}
          base={base}
          csrf={request.csrfToken}
          errors={errors}
          message={reviewProblem ? state.message : undefined}
        />
      )}
      {(item.status === 'draft' || item.status === 'submitted') && (
        <>
          <h2>编辑</h2>
          <ItemForm
            action={`${base}/edit`}
            csrf={request.csrfToken}
            values={state.values ?? itemToForm(item)}
            errors={formErrs}
            message={reviewProblem ? undefined : state.message}
            submitLabel="保存"
            {...fc}
          />
        </>
      )}
      {item.status === 'published' && mayPublish && (
        <>
          <h2>修订</h2>
          <ItemForm
            action={`${base}/revise`}
            csrf={request.csrfToken}
            values={state.values ?? itemToForm(item)}
            errors={errors}
            message={state.message}
            submitLabel="发布修订"
            extra={<TextField name="note" label="修订说明（随修订记录公开）" errors={errors} />}
            {...fc}
          />
          <PublishedItemEnds item={item} base={base} csrf={request.csrfToken} errors={errors} />
        </>
      )}
    </>,
    Object.keys(errors).length || state.message ? 400 : 200,
  );
};

type P = { Params: { id: string } };

/** The item page (review, publish, return, revise, withdraw, repeal forms). */
function registerItemPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<P & { Querystring: { done?: string } }>('/admin/catalog/items/:id', async (request, reply) =>
    itemPage(ctx, request, reply, request.params.id, { notice: request.query.done?.slice(0, 100) }),
  );
}

/** Runs a use case from a POST and redirects back, or shows the item page with the errors. */
const itemAction = (
  ctx: AppContext,
  run: (request: FastifyRequest<P>, item: Item | undefined) => Promise<string | void>,
) => {
  return async (request: FastifyRequest<P>, reply: FastifyReply) => {
    requireUser(request);
    try {
      const notice = await run(request, await catalogStore.itemById(ctx.db, request.params.id));
      return reply.redirect(
        `/admin/catalog/items/${request.params.id}${notice ? `?done=${encodeURIComponent(notice)}` : ''}`,
        303,
      );
    } catch (e) {
      const { errors, message } = formErrors(e);
      const body = (request.body ?? {}) as Body;
      const hasItemFields = typeof body.title === 'string';
      return itemPage(ctx, request, reply, request.params.id, {
        errors,
        message,
        values: hasItemFields ? strings(body) : undefined,
      });
    }
  };
};
const actor = (r: FastifyRequest) => requireUser(r).actor;
const body = (r: FastifyRequest) => (r.body ?? {}) as Body;

/** The item page's POST actions: each runs a use case and redirects back to the item. */
function registerItemActions(app: FastifyInstance, ctx: AppContext): void {
  app.post<P>(
    '/admin/catalog/items/:id/edit',
    itemAction(ctx, async (r) => editItem(ctx, actor(r), r.params.id, formToInput(strings(body(r))))),
  );
  app.post<P>(
    '/admin/catalog/items/:id/submit',
    itemAction(ctx, async (r) => submitItem(ctx, actor(r), r.params.id)),
  );
  app.post<P>(
    '/admin/catalog/items/:id/return',
    itemAction(ctx, async (r) => returnItem(ctx, actor(r), r.params.id, str(body(r), 'reason'))),
  );
  app.post<P>(
    '/admin/catalog/items/:id/publish',
    itemAction(ctx, async (r) => {
      const { indexNo, registrationNo } = await publishItem(
        ctx,
        actor(r),
        r.params.id,
        list(body(r).acknowledge),
        {
          noticeEndsOn: str(body(r), 'noticeEndsOn'),
        },
      );
      return `已发布，索引号 ${indexNo}${registrationNo ? `，统一登记号 ${registrationNo}` : ''}`;
    }),
  );
  app.post<P>(
    '/admin/catalog/items/:id/approve',
    itemAction(ctx, async (r) => {
      const { level, levels: n } = await approveItem(ctx, actor(r), r.params.id, list(body(r).acknowledge));
      return `已通过第 ${level} 级审核（共 ${n} 级）`;
    }),
  );
  app.post<P>(
    '/admin/catalog/items/:id/revise',
    itemAction(ctx, async (r) => {
      const b = strings(body(r));
      await reviseItem(ctx, actor(r), r.params.id, formToInput(b), b.note ?? '', list(body(r).acknowledge));
      return '修订已发布';
    }),
  );
  app.post<P>(
    '/admin/catalog/items/:id/withdraw',
    itemAction(ctx, async (r) => withdrawItem(ctx, actor(r), r.params.id, str(body(r), 'reason'))),
  );
  app.post<P>(
    '/admin/catalog/items/:id/repeal',
    itemAction(ctx, async (r) =>
      endValidity(ctx, actor(r), r.params.id, {
        validity: str(body(r), 'validity'),
        on: str(body(r), 'on'),
        note: str(body(r), 'validityNote'),
      }),
    ),
  );
  app.post<P>(
    '/admin/catalog/items/:id/attachments',
    itemAction(ctx, async (r) => {
      const file = filesOf(body(r))[0];
      if (!file)
        throw new DomainError('validation.failed', '请选择要上传的文件。', {
          attachment: '请选择要上传的文件',
        });
      await addAttachment(ctx, actor(r), r.params.id, file);
    }),
  );
  app.post<{ Params: { id: string; attachmentId: string } }>(
    '/admin/catalog/items/:id/attachments/:attachmentId/remove',
    itemAction(ctx, async (r) =>
      removeAttachment(
        ctx,
        actor(r),
        r.params.id,
        (r.params as unknown as { attachmentId: string }).attachmentId,
      ),
    ) as never,
  );
}
