/**
 * Public pages of the always-open rating: the agency's 社会评议 page (open campaigns, this year's public
 * summary, the four-criteria form, approved comments) and the rating form of one published item. Works
 * without JavaScript; honeypot, rate limit and CSRF as on the message form.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Agency } from '../../access/agency.js';
import { formatDateZh } from '../../calendar/dates.js';
import { legalToday } from '../../calendar/legal-day.js';
import { catalogStore } from '../../catalog/catalog.store.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { agencyBySegment, sendPortalPage } from '../../web/portal-kit.js';
import { CsrfField, ErrorSummary, Field, type Errors } from '../../web/views/forms.js';
import { Radios } from '../views/message-form.js';
import { criteria, criterionLabel, scoreLabel } from './criteria.js';
import { MAX_COMMENT_CHARS, submitOpenRating } from './open-rating.js';
import { openRatingsStore } from './open-ratings.store.js';
import { yearTrend, type YearTrend } from './open-trends.js';
import { ratingsStore } from './ratings.store.js';

type Form = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const flat = (b: unknown) =>
  Object.fromEntries(Object.entries((b ?? {}) as Form).map(([k, v]) => [k, one(v)]));
type ItemParams = { agency: string; id: string };
const publicFormLimit = { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } };
const scoreOptions = [5, 4, 3, 2, 1].map((n): [string, string] => [String(n), `${n} 分 ${scoreLabel[n]}`]);

function Honeypot() {
  return (
    <div class="hp" aria-hidden="true">
      <label for="f-website">网址（请勿填写）</label>
      <input type="text" id="f-website" name="website" tabIndex={-1} autocomplete="off" />
    </div>
  );
}

function CommentField({ values, errors }: { values: Form; errors: Errors }) {
  return (
    <Field
      name="comment"
      label="意见建议（可选）"
      hint={`不超过 ${MAX_COMMENT_CHARS} 字；经审核后公开显示，请勿填写个人信息。`}
      errors={errors}
    >
      {(a) => <textarea {...a}>{one(values.comment) ?? ''}</textarea>}
    </Field>
  );
}

function Comments({ list }: { list: { id: string; comment: string | null; rated_on: string }[] }) {
  if (list.length === 0) return <p>暂无公开的评价意见。</p>;
  return (
    <ul class="comments">
      {list.map((c) => (
        <li>
          <time datetime={c.rated_on}>{formatDateZh(c.rated_on, false)}</time>：{c.comment}
        </li>
      ))}
    </ul>
  );
}

function Thanks({ held }: { held: boolean }) {
  return (
    <p class="notice" role="status">
      感谢您的评价，评分已计入统计。{held ? '您的意见建议将在审核后公开显示。' : ''}
    </p>
  );
}

/** This year's public figures: the agency's scores per criterion and how useful its items were found. */
function YearSummary({ year, t }: { year: number; t: YearTrend }) {
  return (
    <>
      <h2>{year}年公众评价情况</h2>
      {t.disclosure ? (
        <dl class="meta">
          <dt>评价数</dt>
          <dd>{t.disclosure.ratings} 份</dd>
          {criteria.map((c) => (
            <>
              <dt>{criterionLabel[c]}</dt>
              <dd>{t.disclosure!.scores[c].toFixed(2)} 分</dd>
            </>
          ))}
          <dt>综合得分</dt>
          <dd>{t.disclosure.overall.toFixed(2)} 分（满分 5 分）</dd>
        </dl>
      ) : (
        <p>本年度暂无公众评价。</p>
      )}
      {t.items && (
        <p>
          对具体公开信息的评价 {t.items.ratings} 份，其中 {t.items.usefulPercent}% 认为有用。
        </p>
      )}
    </>
  );
}

export function registerOpenRatingPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerAgencyRating(app, ctx);
  registerItemRating(app, ctx);
}

/** The agency's 社会评议 page: open campaigns, this year's summary, the form and approved comments. */
async function agencyPage(
  ctx: AppContext,
  request: FastifyRequest<{ Params: { agency: string } }>,
  agency: Agency,
  values: Form,
  errors: Errors,
  extra: { message?: string; held?: boolean } = {},
) {
  const today = legalToday(ctx);
  const year = Number(today.slice(0, 4));
  const [open, months, comments] = await Promise.all([
    ratingsStore.openPublic(ctx.db, agency.id, today),
    openRatingsStore.months(ctx.db, agency.id, year),
    openRatingsStore.approvedFor(ctx.db, agency.id, null),
  ]);
  const t = yearTrend(year, months);
  return (
    <>
      <h1>社会评议</h1>
      {extra.held !== undefined && <Thanks held={extra.held} />}
      {open.length > 0 && (
        <>
          <h2>进行中的评议活动</h2>
          <ul>
            {open.map((c) => (
              <li>
                <a href={`/${agency.pathSegment}/pingyi/${c.id}`}>{c.title}</a>（{c.opens_on} 至 {c.closes_on}
                ）
              </li>
            ))}
          </ul>
        </>
      )}
      <YearSummary year={year} t={t} />
      <h2>评价本机关政务公开工作</h2>
      <p>随时可以评价，请从以下四个方面评分（5 分为很满意）。</p>
      <ErrorSummary errors={errors} message={extra.message} />
      <form method="post" action={`/${agency.pathSegment}/pingyi/`} novalidate>
        <CsrfField token={request.csrfToken} />
        {criteria.map((k) => (
          <Radios
            name={k}
            legend={criterionLabel[k]}
            options={scoreOptions}
            value={one(values[k])}
            errors={errors}
          />
        ))}
        <CommentField values={values} errors={errors} />
        <Honeypot />
        <button type="submit">提交评价</button>
      </form>
      <h2>公众评价意见</h2>
      <Comments list={comments} />
    </>
  );
}

/** The agency's 社会评议 page and its always-open rating form. */
function registerAgencyRating(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { agency: string } }>('/:agency/pingyi/', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const page = await agencyPage(ctx, request, agency, {}, {});
    return sendPortalPage(ctx, request, reply, agency, '社会评议', page);
  });

  app.post<{ Params: { agency: string }; Body: Form }>(
    '/:agency/pingyi/',
    publicFormLimit,
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      try {
        const { commentHeld } = await submitOpenRating(ctx, agency.id, flat(request.body));
        const page = await agencyPage(ctx, request, agency, {}, {}, { held: commentHeld });
        return sendPortalPage(ctx, request, reply, agency, '社会评议', page, 201);
      } catch (e) {
        if (!(e instanceof DomainError) || (e.code !== 'validation.failed' && e.code !== 'rating.refused'))
          throw e;
        const page = await agencyPage(ctx, request, agency, request.body ?? {}, e.fields, {
          message: e.message,
        });
        return sendPortalPage(ctx, request, reply, agency, '社会评议', page, 422);
      }
    },
  );
}

/** The rating form of one published item with its summary and approved comments (404 otherwise). */
async function itemPage(
  ctx: AppContext,
  request: FastifyRequest<{ Params: ItemParams }>,
  values: Form,
  errors: Errors,
  extra: { message?: string; held?: boolean } = {},
) {
  const agency = await agencyBySegment(ctx, request.params.agency);
  const item = await catalogStore.itemById(ctx.db, request.params.id);
  if (!item || item.agencyId !== agency.id || item.status !== 'published') throw notFound('该信息');
  const [summary, comments] = await Promise.all([
    openRatingsStore.itemSummary(ctx.db, item.id),
    openRatingsStore.approvedFor(ctx.db, agency.id, item.id),
  ]);
  return {
    agency,
    page: (
      <>
        <h1>评价信息</h1>
        <p>
          信息：<a href={`/${agency.pathSegment}/xxgk/items/${item.id}`}>{item.title}</a>（索引号{' '}
          {item.indexNo}）
        </p>
        {extra.held !== undefined && <Thanks held={extra.held} />}
        <p>
          {summary.n
            ? `已有 ${summary.n} 人评价，其中 ${summary.useful} 人认为有用${summary.score === null ? '' : `，平均 ${summary.score.toFixed(2)} 分`}。`
            : '暂无评价。'}
        </p>
        <ErrorSummary errors={errors} message={extra.message} />
        <form method="post" action={`/${agency.pathSegment}/pingyi/items/${item.id}`} novalidate>
          <CsrfField token={request.csrfToken} />
          <Radios
            name="useful"
            legend="这条信息对您有用吗"
            options={[
              ['yes', '有用'],
              ['no', '没有用'],
            ]}
            value={one(values.useful)}
            errors={errors}
          />
          <Radios
            name="score"
            legend="评分（可选）"
            options={scoreOptions}
            value={one(values.score)}
            errors={errors}
          />
          <CommentField values={values} errors={errors} />
          <Honeypot />
          <button type="submit">提交评价</button>
        </form>
        <h2>公众评价意见</h2>
        <Comments list={comments} />
      </>
    ),
  };
}

/** The rating of one published item. */
function registerItemRating(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: ItemParams }>('/:agency/pingyi/items/:id', async (request, reply) => {
    const { agency, page } = await itemPage(ctx, request, {}, {});
    return sendPortalPage(ctx, request, reply, agency, '评价信息', page);
  });

  app.post<{ Params: ItemParams; Body: Form }>(
    '/:agency/pingyi/items/:id',
    publicFormLimit,
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      try {
        const r = await submitOpenRating(ctx, agency.id, flat(request.body), request.params.id);
        const { page } = await itemPage(ctx, request, {}, {}, { held: r.commentHeld });
        return sendPortalPage(ctx, request, reply, agency, '评价信息', page, 201);
      } catch (e) {
        if (!(e instanceof DomainError) || (e.code !== 'validation.failed' && e.code !== 'rating.refused'))
          throw e;
        const { page } = await itemPage(ctx, request, request.body ?? {}, e.fields, { message: e.message });
        return sendPortalPage(ctx, request, reply, agency, '评价信息', page, 422);
      }
    },
  );
}
