/**
 * Admin page of the always-open rating: per agency and year, the monthly trend (SVG chart and table, no
 * JavaScript needed) and the comments held for moderation. Staff who handle messages (`messages.handle`)
 * moderate; supervisors (`reports.supervise`) see the figures of the agencies they oversee.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Agency } from '../../access/agency.js';
import { legalToday } from '../../calendar/legal-day.js';
import type { CurrentUser } from '../../access/auth/current-user.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, type Errors } from '../../web/views/forms.js';
import { Radios } from '../views/message-form.js';
import { moderateComment } from './open-rating.js';
import { openRatingsStore } from './open-ratings.store.js';
import { yearTrend } from './open-trends.js';
import { TrendChart } from './views/trend-chart.js';
import { TrendTable } from './views/trend-table.js';
import { formRoute } from '../../web/form-route.js';

type Query = { agency?: string; year?: string };
type Form = Record<string, string | undefined>;

async function scope(ctx: AppContext, user: CurrentUser) {
  const handle = await agenciesInScope(ctx, user, 'messages.handle');
  const supervise = await agenciesInScope(ctx, user, 'reports.supervise');
  const seen = new Map<string, Agency>();
  for (const a of [...handle, ...supervise]) seen.set(a.id, a);
  return { moderate: handle, view: [...seen.values()] };
}

/** One agency's trend for a year and the comments held for moderation in the user's scope. */
async function moderationPage(
  ctx: AppContext,
  request: FastifyRequest,
  user: CurrentUser,
  q: Query,
  failed?: { id: string; errors: Errors; values: Form; message: string },
) {
  const { moderate, view } = await scope(ctx, user);
  const thisYear = Number(legalToday(ctx).slice(0, 4));
  const year = /^\d{4}$/.test(q.year ?? '') ? Number(q.year) : thisYear;
  const agency = view.find((a) => a.id === q.agency) ?? moderate[0] ?? view[0];
  if (!agency) throw notFound('可查看的机关');
  const trend = yearTrend(year, await openRatingsStore.months(ctx.db, agency.id, year));
  const pending = await openRatingsStore.comments(
    ctx.db,
    moderate.map((a) => a.id),
    'pending',
  );
  const nameOf = (id: string) => view.find((a) => a.id === id)?.name ?? id;
  return (
    <>
      <h1>公众评价</h1>
      <form method="get" action="/admin/open-ratings" class="inline-form">
        <Field name="agency" label="机关">
          {(a) => (
            <select {...a}>
              {view.map((x) => (
                <option value={x.id} selected={x.id === agency.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="year" label="年度">
          {(a) => <input {...a} type="number" value={String(year)} min="2008" max="2100" />}
        </Field>
        <button type="submit">查看</button>
      </form>
      <h2>
        {agency.name} {year}年评价趋势
      </h2>
      <TrendChart trend={trend} id="open-rating-trend" />
      <TrendTable trend={trend} />
      <h2>待审核的评价意见（{pending.length}）</h2>
      {pending.length === 0 ? (
        <p>没有待审核的评价意见。</p>
      ) : (
        pending.map((r) => {
          const errors = failed?.id === r.id ? failed.errors : {};
          return (
            <section class="moderation" id={`r-${r.id}`}>
              <h3>
                {nameOf(r.agency_id)} · {r.target === 'item' ? '信息评价' : '政务公开评价'} · {r.rated_on}
              </h3>
              {r.item_id && <p>信息编号：{r.item_id}</p>}
              <p class="pre-wrap">{r.comment}</p>
              {failed?.id === r.id && <ErrorSummary errors={errors} message={failed.message} />}
              <form method="post" action={`/admin/open-ratings/${r.id}/moderate`} novalidate>
                <CsrfField token={request.csrfToken} />
                <Radios
                  name="decision"
                  legend="审核结果"
                  options={[
                    ['approve', '通过，公开显示'],
                    ['reject', '不通过'],
                  ]}
                  value={failed?.id === r.id ? failed.values.decision : undefined}
                  errors={errors}
                />
                <Field name="reason" label="理由（不通过时必填）" errors={errors}>
                  {(a) => (
                    <input {...a} type="text" value={failed?.id === r.id ? failed.values.reason : ''} />
                  )}
                </Field>
                <button type="submit">提交审核</button>
              </form>
            </section>
          );
        })
      )}
    </>
  );
}

export function registerOpenRatingAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: Query }>('/admin/open-ratings', async (request, reply) => {
    const user = requireUser(request);
    return sendAdminPage(reply, request, '公众评价', await moderationPage(ctx, request, user, request.query));
  });

  app.post<{ Params: { id: string }; Body: Form }>(
    '/admin/open-ratings/:id/moderate',
    async (request, reply) => {
      const user = requireUser(request);
      return formRoute(reply, {
        run: () => moderateComment(ctx, user.actor, request.params.id, request.body ?? {}),
        redirect: () => '/admin/open-ratings',
        refusals: ['validation.failed', 'conflict'],
        again: async (e) => {
          const body = await moderationPage(
            ctx,
            request,
            user,
            {},
            { id: request.params.id, errors: e.fields, values: request.body ?? {}, message: e.message },
          );
          return sendAdminPage(reply, request, '公众评价', body, 422);
        },
      });
    },
  );
}
