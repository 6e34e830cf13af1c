/**
 * 社会评议 screens. Admin (`reports.supervise`): campaigns, results per agency, invitations. Public: the
 * organiser's site takes answers to an open campaign (invitation code optional when a public round is open).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { agenciesStore } from '../../access/agencies.store.js';
import { scopeOf } from '../../access/permissions.js';
import type { CurrentUser } from '../../access/auth/current-user.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { formRoute } from '../../web/form-route.js';
import { agencyBySegment, sendPortalPage } from '../../web/portal-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../../web/views/forms.js';
import { Radios } from '../views/message-form.js';
import { createCampaign, inviteEvaluator, submitRating } from './campaigns.js';
import { criteria, criterionLabel, evaluatorKindLabel, evaluatorKinds, scoreLabel } from './criteria.js';
import { ratingsStore } from './ratings.store.js';
import { campaignResults, type AgencyRatingResult, type RoundResult } from './results.js';

type Form = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function supervised(ctx: AppContext, user: CurrentUser) {
  const all = await agenciesStore.all(ctx.db);
  const ids = scopeOf(user.actor, 'reports.supervise', all);
  return { all, inScope: all.filter((a) => ids.has(a.id)) };
}

const fmt = (r: RoundResult | null) => (r ? `${r.overall.toFixed(2)}（${r.responses} 份）` : '—');

function CampaignForm(props: {
  csrf: string;
  agencies: { id: string; name: string }[];
  values: Form;
  errors: Errors;
  message?: string;
}) {
  const v = props.values;
  const chosen = new Set([v.agencyIds ?? []].flat());
  return (
    <>
      <h2>发起社会评议</h2>
      <ErrorSummary errors={props.errors} message={props.message} />
      <form method="post" action="/admin/ratings" novalidate>
        <CsrfField token={props.csrf} />
        <Field name="organiserId" label="组织单位" errors={props.errors}>
          {(a) => (
            <select {...a}>
              {props.agencies.map((x) => (
                <option value={x.id} selected={one(v.organiserId) === x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField name="title" label="评议名称" value={one(v.title)} errors={props.errors} />
        <TextField name="opensOn" label="开始日期" type="date" value={one(v.opensOn)} errors={props.errors} />
        <TextField
          name="closesOn"
          label="结束日期"
          type="date"
          value={one(v.closesOn)}
          errors={props.errors}
        />
        <fieldset class={props.errors.agencyIds ? 'field field-error' : 'field'}>
          <legend>被评议单位</legend>
          {props.errors.agencyIds && <p class="error-message">{props.errors.agencyIds}</p>}
          {props.agencies.map((x, i) => (
            <div>
              <input
                type="checkbox"
                id={i === 0 ? 'f-agencyIds' : `f-agencyIds-${i}`}
                name="agencyIds"
                value={x.id}
                checked={chosen.has(x.id)}
              />{' '}
              <label for={i === 0 ? 'f-agencyIds' : `f-agencyIds-${i}`} class="inline-label">
                {x.name}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <input
            type="checkbox"
            id="f-publicRound"
            name="publicRound"
            checked={one(v.publicRound) === 'on'}
          />{' '}
          <label for="f-publicRound" class="inline-label">
            同时面向公众开放评议
          </label>
        </div>
        <button type="submit">发起评议</button>
      </form>
    </>
  );
}

/** The results per agency: each criterion's average, by round and overall. */
function ResultsTable({ results }: { results: AgencyRatingResult[] }) {
  return (
    <table>
      <caption>评议结果（各项平均分，满分 5 分）</caption>
      <thead>
        <tr>
          <th scope="col">被评议单位</th>
          {criteria.map((k) => (
            <th scope="col" class="num">
              {criterionLabel[k]}
            </th>
          ))}
          <th scope="col" class="num">
            受邀评议
          </th>
          <th scope="col" class="num">
            公众评议
          </th>
          <th scope="col" class="num">
            综合
          </th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr>
            <th scope="row">{r.agency.name}</th>
            {criteria.map((k) => (
              <td class="num">{r.all ? r.all.scores[k].toFixed(2) : '—'}</td>
            ))}
            <td class="num">{fmt(r.invited)}</td>
            <td class="num">{fmt(r.public)}</td>
            <td class="num">{fmt(r.all)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function registerRatingAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerCampaignList(app, ctx);
  registerCampaignDetail(app, ctx);
}

/** The campaigns the user supervises and the form to start one. */
async function listPage(
  ctx: AppContext,
  request: FastifyRequest,
  user: CurrentUser,
  values: Form = {},
  errors: Errors = {},
  message?: string,
) {
  const { inScope } = await supervised(ctx, user);
  const campaigns = await ratingsStore.campaignsOf(
    ctx.db,
    inScope.map((a) => a.id),
  );
  return (
    <>
      <h1>社会评议</h1>
      <table>
        <caption>评议活动</caption>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">评议期</th>
            <th scope="col">公众评议</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr>
              <td>
                <a href={`/admin/ratings/${c.id}`}>{c.title}</a>
              </td>
              <td>
                {c.opens_on} 至 {c.closes_on}
              </td>
              <td>{c.public_round ? '开放' : '仅限受邀'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CampaignForm
        csrf={request.csrfToken}
        agencies={inScope}
        values={values}
        errors={errors}
        message={message}
      />
    </>
  );
}

/** The list of campaigns and the start of a new one. */
function registerCampaignList(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/ratings', async (request, reply) => {
    const user = requireUser(request);
    return sendAdminPage(reply, request, '社会评议', await listPage(ctx, request, user));
  });

  app.post<{ Body: Form }>('/admin/ratings', async (request, reply) => {
    const user = requireUser(request);
    return formRoute(reply, {
      run: () => createCampaign(ctx, user.actor, request.body ?? {}),
      redirect: ({ campaignId }) => `/admin/ratings/${campaignId}`,
      again: async (e) =>
        sendAdminPage(
          reply,
          request,
          '社会评议',
          await listPage(ctx, request, user, request.body, e.fields, e.message),
          422,
        ),
    });
  });
}

/** One campaign: its results, its invitations and the form to invite an evaluator. */
async function detailPage(
  ctx: AppContext,
  request: FastifyRequest,
  user: CurrentUser,
  id: string,
  extra: { code?: string; errors?: Errors; values?: Form; message?: string } = {},
) {
  const { all, inScope } = await supervised(ctx, user);
  const c = await ratingsStore.campaign(ctx.db, id);
  if (!c || !inScope.some((a) => a.id === c.organiser_id)) throw notFound('该评议');
  const results = await campaignResults(ctx.db, c.id, all);
  const invitations = await ratingsStore.invitations(ctx.db, c.id);
  const organiser = all.find((a) => a.id === c.organiser_id)!;
  const e = extra.errors ?? {};
  return (
    <>
      <p>
        <a href="/admin/ratings">← 社会评议</a>
      </p>
      <h1>{c.title}</h1>
      <p>
        评议期 {c.opens_on} 至 {c.closes_on}；{c.public_round ? '面向公众开放' : '仅限受邀评议人'}
        ；公众入口：
        <a href={`/${organiser.pathSegment}/pingyi/${c.id}`}>
          /{organiser.pathSegment}/pingyi/{c.id}
        </a>
      </p>
      <ResultsTable results={results} />
      <h2>受邀评议人（{invitations.length}）</h2>
      <ul>
        {invitations.map((i) => (
          <li>
            {evaluatorKindLabel[i.evaluator_kind as keyof typeof evaluatorKindLabel] ?? i.evaluator_kind}：
            {i.label}
          </li>
        ))}
      </ul>
      {extra.code && (
        <div class="receipt" role="status">
          <p>
            邀请码：<strong>{extra.code}</strong>（只显示这一次，请转交评议人）
          </p>
        </div>
      )}
      <ErrorSummary errors={e} message={extra.message} />
      <form method="post" action={`/admin/ratings/${c.id}/invite`} novalidate>
        <CsrfField token={request.csrfToken} />
        <Radios
          name="kind"
          legend="评议人类别"
          options={evaluatorKinds.map((k) => [k, evaluatorKindLabel[k]])}
          value={one(extra.values?.kind)}
          errors={e}
        />
        <TextField
          name="label"
          label="评议人"
          value={one(extra.values?.label)}
          errors={e}
          hint="如：县人大代表 王某"
        />
        <button type="submit">邀请并生成邀请码</button>
      </form>
    </>
  );
}

/** One campaign and the invitation of evaluators (the code is shown once, on the 201 page). */
function registerCampaignDetail(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string } }>('/admin/ratings/:id', async (request, reply) => {
    const user = requireUser(request);
    return sendAdminPage(reply, request, '社会评议', await detailPage(ctx, request, user, request.params.id));
  });

  app.post<{ Params: { id: string }; Body: Form }>('/admin/ratings/:id/invite', async (request, reply) => {
    const user = requireUser(request);
    try {
      const { code } = await inviteEvaluator(ctx, user.actor, request.params.id, request.body ?? {});
      return sendAdminPage(
        reply,
        request,
        '社会评议',
        await detailPage(ctx, request, user, request.params.id, { code }),
        201,
      );
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'validation.failed') throw e;
      const page = await detailPage(ctx, request, user, request.params.id, {
        errors: e.fields,
        values: request.body,
        message: e.message,
      });
      return sendAdminPage(reply, request, '社会评议', page, 422);
    }
  });
}

/** A campaign's public rating form on its organiser's site (404 for another organiser's campaign). */
async function ratingForm(
  ctx: AppContext,
  request: FastifyRequest<{ Params: { agency: string; id: string } }>,
  values: Form,
  errors: Errors,
  message?: string,
) {
  const organiser = await agencyBySegment(ctx, request.params.agency);
  const c = await ratingsStore.campaign(ctx.db, request.params.id);
  if (!c || c.organiser_id !== organiser.id) throw notFound('该评议');
  const all = await agenciesStore.all(ctx.db);
  const ids = await ratingsStore.campaignAgencies(ctx.db, c.id);
  return {
    organiser,
    page: (
      <>
        <h1>{c.title}</h1>
        <p>
          评议时间：{c.opens_on} 至 {c.closes_on}。请就被评议单位的政务公开工作，从以下四个方面评分。
          {c.public_round ? '受邀评议人请填写邀请码，公众可直接评议。' : '本次评议仅限受邀评议人参加。'}
        </p>
        <ErrorSummary errors={errors} message={message} />
        <form method="post" action={`/${organiser.pathSegment}/pingyi/${c.id}`} novalidate>
          <CsrfField token={request.csrfToken} />
          <Field name="agencyId" label="被评议单位" errors={errors}>
            {(a) => (
              <select {...a}>
                <option value="">（请选择）</option>
                {all
                  .filter((x) => ids.includes(x.id))
                  .map((x) => (
                    <option value={x.id} selected={one(values.agencyId) === x.id}>
                      {x.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          {criteria.map((k) => (
            <Radios
              name={k}
              legend={criterionLabel[k]}
              options={[5, 4, 3, 2, 1].map((n) => [String(n), scoreLabel[n]!])}
              value={one(values[k])}
              errors={errors}
            />
          ))}
          <Field name="comment" label="意见建议（可选）" errors={errors}>
            {(a) => <textarea {...a}>{one(values.comment) ?? ''}</textarea>}
          </Field>
          <TextField
            name="code"
            label={c.public_round ? '邀请码（受邀评议人填写）' : '邀请码'}
            value={one(values.code)}
            errors={errors}
            autocomplete="off"
          />
          <div class="hp" aria-hidden="true">
            <label for="f-website">网址（请勿填写）</label>
            <input type="text" id="f-website" name="website" tabIndex={-1} autocomplete="off" />
          </div>
          <button type="submit">提交评议</button>
        </form>
      </>
    ),
  };
}

export function registerRatingPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  // The agency's 社会评议 page (open campaigns and the always-open rating) is in open-ratings.portal.tsx.

  app.get<{ Params: { agency: string; id: string } }>('/:agency/pingyi/:id', async (request, reply) => {
    const { organiser, page } = await ratingForm(ctx, request, {}, {});
    return sendPortalPage(ctx, request, reply, organiser, '社会评议', page);
  });

  app.post<{ Params: { agency: string; id: string }; Body: Form }>(
    '/:agency/pingyi/:id',
    { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      const body = Object.fromEntries(Object.entries(request.body ?? {}).map(([k, v]) => [k, one(v)]));
      try {
        const { organiser } = await ratingForm(ctx, request, {}, {});
        const { round } = await submitRating(ctx, request.params.id, body);
        return sendPortalPage(
          ctx,
          request,
          reply,
          organiser,
          '社会评议',
          <>
            <h1>评议已提交</h1>
            <p role="status">感谢您参加{round === 'invited' ? '受邀' : '公众'}评议，您的意见已记录。</p>
          </>,
          201,
        );
      } catch (e) {
        if (
          !(e instanceof DomainError) ||
          (e.code !== 'validation.failed' && e.code !== 'rating.refused' && e.code !== 'rating.closed')
        )
          throw e;
        const { organiser, page } = await ratingForm(ctx, request, request.body ?? {}, e.fields, e.message);
        return sendPortalPage(ctx, request, reply, organiser, '社会评议', page, 422);
      }
    },
  );
}
