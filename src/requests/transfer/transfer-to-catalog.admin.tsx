/**
 * Admin screens of 依申请转主动 (条例 Art. 44): the case page's section (the link to the catalog draft, or the way
 * to make one) and the form that marks the information for proactive disclosure.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { catalogStore } from '../../catalog/catalog.store.js';
import type { AppContext } from '../../platform/context.js';
import type { FieldErrors } from '../../platform/errors.js';
import { requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field } from '../../web/views/forms.js';
import { loadCase, type LoadedCase } from '../actions/case-action.js';
import { registrationNumber } from '../registration.js';
import { catalogLinkOf, transferToCatalog } from './transfer-to-catalog.js';
import { formRoute } from '../../web/form-route.js';

type Form = Record<string, string | undefined>;

/** The case page's section: shown on replied cases that disclosed information, or once linked. */
export function TransferSection(props: { c: LoadedCase }) {
  const { row, events, roles } = props.c;
  const link = catalogLinkOf(events);
  if (link)
    return (
      <section aria-labelledby="transfer-title">
        <h2 id="transfer-title">依申请转主动</h2>
        <p>
          已于 {link.day} 标记为转主动公开，生成主动公开条目草稿：
          <a href={`/admin/catalog/items/${link.itemId}`}>查看主动公开条目</a>
        </p>
      </section>
    );
  const eligible =
    ['replied', 'archived'].includes(row.state) &&
    ['disclosed', 'partlyDisclosed'].includes(row.outcome ?? '');
  if (!eligible || !roles.includes('handler')) return null;
  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">依申请转主动</h2>
      <p>
        多人申请相同信息，或申请人建议主动公开的，可以将该信息纳入主动公开范围（《政府信息公开条例》第四十四条）。
      </p>
      <p>
        <a class="button" href={`/admin/requests/${row.id}/transfer-to-catalog`}>
          标记为转主动公开
        </a>
      </p>
    </section>
  );
}

export function registerTransferRoutes(app: FastifyInstance, ctx: AppContext): void {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    values: Form,
    errors: FieldErrors,
    status = 200,
  ) => {
    const user = requireUser(request);
    const c = await loadCase(ctx, user.actor, caseId);
    const columns = await catalogStore.columns(ctx.db, c.agency.id);
    const regNo = registrationNumber(c.row.year, c.row.reg_no);
    return sendAdminPage(
      reply,
      request,
      `依申请转主动 ${regNo}`,
      <>
        <h1>依申请转主动：{regNo}</h1>
        <ErrorSummary errors={errors} />
        <p>将生成一条主动公开条目草稿，仍须经审核、发布后才会公开。</p>
        <form method="post" action={`/admin/requests/${c.row.id}/transfer-to-catalog`} novalidate>
          <CsrfField token={request.csrfToken} />
          <Field name="columnId" label="发布栏目" errors={errors}>
            {(a) => (
              <select {...a}>
                <option value="">（请选择）</option>
                {columns.map((col) => (
                  <option value={col.id} selected={values.columnId === col.id}>
                    {col.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="title" label="条目标题" errors={errors}>
            {(a) => <input {...a} type="text" value={values.title ?? c.row.info_title} />}
          </Field>
          <Field name="summary" label="内容概述（可不填）" errors={errors}>
            {(a) => (
              <textarea {...a} rows={3}>
                {values.summary ?? ''}
              </textarea>
            )}
          </Field>
          <Field name="reason" label="转主动公开的理由（可不填）" errors={errors}>
            {(a) => (
              <textarea {...a} rows={2}>
                {values.reason ?? ''}
              </textarea>
            )}
          </Field>
          <button type="submit">生成主动公开条目草稿</button>
        </form>
        <p>
          <a href={`/admin/requests/${c.row.id}`}>返回案件</a>
        </p>
      </>,
      status,
    );
  };

  app.get<{ Params: { id: string } }>('/admin/requests/:id/transfer-to-catalog', (request, reply) =>
    page(request, reply, request.params.id, {}, {}),
  );

  app.post<{ Params: { id: string }; Body: Form }>(
    '/admin/requests/:id/transfer-to-catalog',
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body ?? {};
      return formRoute(reply, {
        run: () => transferToCatalog(ctx, user.actor, { ...body, caseId: request.params.id }),
        redirect: () => `/admin/requests/${request.params.id}?done=transferred`,
        again: (e) => page(request, reply, request.params.id, body, e.fields, 422),
      });
    },
  );
}
