/**
 * Public pages of 互动交流 on each agency's site: the list of published replies (受理日期, 答复日期, 答复部门,
 * 答复内容; never personal data), the message form, the receipt, and the status page (code + 查询码) where
 * the asker rates the reply.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatDateZh } from '../calendar/dates.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { agencyBySegment, sendPortalPage } from '../web/portal-kit.js';
import { CsrfField, ErrorSummary, Field, type Errors } from '../web/views/forms.js';
import type { UploadedFile } from '../platform/uploads.js';
import { acceptUploads, fileOf } from '../web/uploads.js';
import { MAX_ATTACHMENT_BYTES } from './attachment.js';
import {
  isKind,
  isRating,
  isStatus,
  messageKindLabel,
  messageStatusLabel,
  ratingLabel,
  ratings,
} from './message.js';
import { messagesStore, type MessageRow } from './messages.store.js';
import { DEFAULT_PROMISE_DAYS } from './promise.js';
import { submitMessage } from './submit-message.js';
import { rateReply, trackMessage } from './track-message.js';
import { MessageForm, Radios, TrackForm, type FormValues } from './views/message-form.js';

type Params = { agency: string };
const publicFormLimit = { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } };

const day = (d: string | null) => (d ? formatDateZh(d, false) : '—');
const kindOf = (k: string) => (isKind(k) ? messageKindLabel[k] : k);

function formValues(body: unknown): { values: FormValues; file: UploadedFile | null } {
  const values: FormValues = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>))
    if (typeof v === 'string') values[k] = v;
  return { values, file: fileOf(body, 'attachment') ?? null };
}

function StatusPage({
  m,
  code,
  secret,
  csrf,
  errors,
  rated,
}: {
  m: MessageRow;
  code: string;
  secret: string;
  csrf: string;
  errors: Errors;
  rated?: boolean;
}) {
  const status = isStatus(m.status) ? messageStatusLabel[m.status] : m.status;
  return (
    <>
      <h1>留言办理情况</h1>
      {rated && (
        <p class="notice" role="status">
          感谢您的评价。
        </p>
      )}
      <dl class="meta">
        <dt>查询编号</dt>
        <dd>{m.tracking_code}</dd>
        <dt>留言标题</dt>
        <dd>{m.subject}</dd>
        <dt>留言类型</dt>
        <dd>{kindOf(m.kind)}</dd>
        <dt>办理状态</dt>
        <dd>{status}</dd>
        <dt>收到日期</dt>
        <dd>{day(m.received_on)}</dd>
        <dt>承诺答复期限</dt>
        <dd>{day(m.due_on)}</dd>
        {m.closed_on && (
          <>
            <dt>办结日期</dt>
            <dd>{day(m.closed_on)}</dd>
          </>
        )}
      </dl>
      {m.status === 'declined' && (
        <>
          <h2>不予受理的理由</h2>
          <p>{m.decline_reason}</p>
        </>
      )}
      {m.status === 'replied' && (
        <>
          <h2>答复（{m.reply_department}）</h2>
          <p class="pre-wrap">{m.reply_body}</p>
          {m.rating ? (
            <p>您的评价：{isRating(m.rating) ? ratingLabel[m.rating] : m.rating}</p>
          ) : (
            <>
              <h2>评价答复</h2>
              <ErrorSummary errors={errors} />
              <form method="post" action="rate" novalidate>
                <CsrfField token={csrf} />
                <input type="hidden" name="code" value={code} />
                <input type="hidden" name="secret" value={secret} />
                <Radios
                  name="rating"
                  legend="您对答复是否满意"
                  options={ratings.map((r) => [r, ratingLabel[r]])}
                  errors={errors}
                />
                <Field name="comment" label="评价意见（可选）" errors={errors}>
                  {(a) => <textarea {...a}></textarea>}
                </Field>
                <button type="submit">提交评价</button>
              </form>
            </>
          )}
        </>
      )}
    </>
  );
}

export async function registerMessagePublicRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await acceptUploads(app, { maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: 1 });
  registerPublishedReplies(app, ctx);
  registerMessageForm(app, ctx);
  registerMessageTracking(app, ctx);
  registerReplyRating(app, ctx);
}

/** The list of published replies. */
function registerPublishedReplies(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: Params }>('/:agency/hdjl/', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const list = await messagesStore.published(ctx.db, agency.id);
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '互动交流',
      <>
        <h1>互动交流</h1>
        <p>
          <a class="button" href={`/${agency.pathSegment}/hdjl/new`}>
            我要留言
          </a>{' '}
          <a class="button secondary" href={`/${agency.pathSegment}/hdjl/track`}>
            查询留言办理情况
          </a>
        </p>
        <h2>留言答复公开</h2>
        {list.length === 0 ? (
          <p>暂无公开的留言答复。</p>
        ) : (
          list.map((m) => (
            <article class="message">
              <h3>
                [{kindOf(m.kind)}] {m.subject}
              </h3>
              <dl class="meta">
                <dt>受理日期</dt>
                <dd>{day(m.received_on)}</dd>
                <dt>答复日期</dt>
                <dd>{day(m.closed_on)}</dd>
                <dt>答复部门</dt>
                <dd>{m.reply_department}</dd>
              </dl>
              <p class="pre-wrap">
                <strong>留言内容：</strong>
                {m.body}
              </p>
              <p class="pre-wrap">
                <strong>答复内容：</strong>
                {m.reply_body}
              </p>
            </article>
          ))
        )}
      </>,
    );
  });
}

/** The message form with the reply promise for the chosen kind (or the consultation's). */
async function showForm(
  ctx: AppContext,
  request: FastifyRequest<{ Params: Params }>,
  values: FormValues,
  errors: Errors,
  message?: string,
) {
  const agency = await agencyBySegment(ctx, request.params.agency);
  const promises = await messagesStore.promises(ctx.db, agency.id);
  return {
    agency,
    page: (
      <>
        <h1>我要留言</h1>
        <MessageForm
          action={`/${agency.pathSegment}/hdjl/new`}
          csrf={request.csrfToken}
          values={values}
          errors={errors}
          message={message}
          promiseDays={
            promises[values.kind ?? 'consultation'] ?? promises.consultation ?? DEFAULT_PROMISE_DAYS
          }
        />
      </>
    ),
  };
}

/** The message form and its receipt. */
function registerMessageForm(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: Params }>('/:agency/hdjl/new', async (request, reply) => {
    const { agency, page } = await showForm(ctx, request, {}, {});
    return sendPortalPage(ctx, request, reply, agency, '我要留言', page);
  });

  app.post<{ Params: Params }>('/:agency/hdjl/new', publicFormLimit, async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const { values, file } = formValues(request.body);
    try {
      const r = await submitMessage(ctx, agency.id, values, file);
      return sendPortalPage(
        ctx,
        request,
        reply,
        agency,
        '留言已提交',
        <>
          <h1>留言已提交</h1>
          <div class="receipt" role="status">
            <p>
              查询编号：<strong>{r.trackingCode}</strong>
            </p>
            <p>
              查询码：<strong>{r.secret}</strong>
            </p>
          </div>
          <p>请记下查询编号和查询码，凭二者查询办理情况和答复。查询码只显示这一次。</p>
          <p>
            收到日期：{day(r.receivedOn)}。本机关承诺在 {r.promiseDays} 个工作日内，即 {day(r.dueOn)} 前答复。
          </p>
          <p>
            <a href={`/${agency.pathSegment}/hdjl/track`}>查询留言办理情况</a>
          </p>
        </>,
        201,
      );
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'validation.failed' && e.code !== 'message.refused'))
        throw e;
      const { page } = await showForm(ctx, request, values, e.fields, e.message);
      return sendPortalPage(ctx, request, reply, agency, '我要留言', page, 422);
    }
  });
}

/** The status page, found by 查询编号 + 查询码. */
function registerMessageTracking(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: Params }>('/:agency/hdjl/track', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '查询留言办理情况',
      <>
        <h1>查询留言办理情况</h1>
        <TrackForm
          action={`/${agency.pathSegment}/hdjl/track`}
          csrf={request.csrfToken}
          values={{}}
          errors={{}}
        />
      </>,
    );
  });

  app.post<{ Params: Params; Body: FormValues }>(
    '/:agency/hdjl/track',
    publicFormLimit,
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const { values } = formValues(request.body);
      try {
        const m = await trackMessage(ctx, agency.id, values);
        return sendPortalPage(
          ctx,
          request,
          reply,
          agency,
          '留言办理情况',
          <StatusPage
            m={m}
            code={values.code ?? ''}
            secret={values.secret ?? ''}
            csrf={request.csrfToken}
            errors={{}}
          />,
        );
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'validation.failed') throw e;
        return sendPortalPage(
          ctx,
          request,
          reply,
          agency,
          '查询留言办理情况',
          <>
            <h1>查询留言办理情况</h1>
            <TrackForm
              action={`/${agency.pathSegment}/hdjl/track`}
              csrf={request.csrfToken}
              values={values}
              errors={e.fields}
              message={e.message}
            />
          </>,
          422,
        );
      }
    },
  );
}

/** The asker's rating of the reply, from the status page. */
function registerReplyRating(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: Params; Body: FormValues }>(
    '/:agency/hdjl/rate',
    publicFormLimit,
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const { values } = formValues(request.body);
      try {
        const m = await rateReply(ctx, agency.id, values);
        return sendPortalPage(
          ctx,
          request,
          reply,
          agency,
          '留言办理情况',
          <StatusPage
            m={m}
            code={values.code ?? ''}
            secret={values.secret ?? ''}
            csrf={request.csrfToken}
            errors={{}}
            rated
          />,
        );
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'validation.failed') throw e;
        const m = await trackMessage(ctx, agency.id, values);
        return sendPortalPage(
          ctx,
          request,
          reply,
          agency,
          '留言办理情况',
          <StatusPage
            m={m}
            code={values.code ?? ''}
            secret={values.secret ?? ''}
            csrf={request.csrfToken}
            errors={e.fields}
          />,
          422,
        );
      }
    },
  );
}
