/**
 * Admin screens of 征集调查 (`messages.handle`): the agencies' consultations and the form to publish a draft
 * (multipart, with attachments); one consultation with its opinions (name and contact decrypted for staff
 * only, every view recorded) and, after the period, the feedback form: a decision and reason per opinion plus a summary.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { legalToday } from '../../calendar/legal-day.js';
import { acceptUploads, filesOf } from '../../web/uploads.js';
import { MAX_ATTACHMENT_BYTES } from '../attachment.js';
import type { CurrentUser } from '../../access/auth/current-user.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../../web/views/forms.js';
import { Radios } from '../views/message-form.js';
import { decisionLabel, decisions, isDecision, stageLabel, stageOf } from './consultation.js';
import { consultationsStore } from './consultations.store.js';
import { MAX_CONSULTATION_FILES, publishConsultation } from './publish-consultation.js';
import { publishFeedback } from './publish-feedback.js';
import { opinionsForStaff } from './view-opinions.js';
import { formRoute } from '../../web/form-route.js';

type Form = Record<string, string | undefined>;
const handled = ['validation.failed', 'conflict', 'consultation.not_closed'];

export async function registerConsultationAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // One file over the limit is read, so publishConsultation refuses it with its own message.
  await acceptUploads(app, { maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: MAX_CONSULTATION_FILES + 1 });
  registerConsultationList(app, ctx);
  registerConsultationDetail(app, ctx);
}

/** The consultations of the agencies in scope and the form to publish a draft. */
async function listPage(
  ctx: AppContext,
  request: FastifyRequest,
  user: CurrentUser,
  values: Form = {},
  errors: Errors = {},
  message?: string,
) {
  const agencies = await agenciesInScope(ctx, user, 'messages.handle');
  const list = await consultationsStore.ofAgencies(
    ctx.db,
    agencies.map((a) => a.id),
  );
  const t = legalToday(ctx);
  return (
    <>
      <h1>征集调查</h1>
      <table>
        <caption>意见征集</caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">机关</th>
            <th scope="col">征集时间</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => (
            <tr>
              <td>
                <a href={`/admin/consultations/${c.id}`}>{c.title}</a>
              </td>
              <td>{agencies.find((a) => a.id === c.agency_id)?.name}</td>
              <td>
                {c.opens_on} 至 {c.closes_on}
              </td>
              <td>{stageLabel[stageOf(c, t)]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>发布草案征求意见</h2>
      <ErrorSummary errors={errors} message={message} />
      <form method="post" action="/admin/consultations" enctype="multipart/form-data" novalidate>
        <CsrfField token={request.csrfToken} />
        <Field name="agencyId" label="发布机关" errors={errors}>
          {(a) => (
            <select {...a}>
              {agencies.map((x) => (
                <option value={x.id} selected={values.agencyId === x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField name="title" label="征集标题" value={values.title} errors={errors} />
        <Field name="draftText" label="草案内容" errors={errors}>
          {(a) => (
            <textarea {...a} rows={12}>
              {values.draftText ?? ''}
            </textarea>
          )}
        </Field>
        <TextField name="opensOn" label="开始日期" type="date" value={values.opensOn} errors={errors} />
        <TextField name="closesOn" label="截止日期" type="date" value={values.closesOn} errors={errors} />
        <Field
          name="attachments"
          label="附件（可选）"
          hint={`PDF、PNG 或 JPG，每个不超过 5MB，最多 ${MAX_CONSULTATION_FILES} 个`}
          errors={errors}
        >
          {(a) => <input {...a} type="file" multiple accept=".pdf,.png,.jpg,.jpeg" />}
        </Field>
        <button type="submit">发布</button>
      </form>
    </>
  );
}

/** The list and the publishing of a draft. */
function registerConsultationList(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/consultations', async (request, reply) => {
    const user = requireUser(request);
    return sendAdminPage(reply, request, '征集调查', await listPage(ctx, request, user));
  });

  app.post<{ Body: Form }>('/admin/consultations', async (request, reply) => {
    const user = requireUser(request);
    const body = request.body ?? {};
    const files = filesOf(body);
    return formRoute(reply, {
      run: () => publishConsultation(ctx, user.actor, body, files),
      redirect: ({ consultationId }) => `/admin/consultations/${consultationId}`,
      again: async (e) =>
        sendAdminPage(
          reply,
          request,
          '征集调查',
          await listPage(ctx, request, user, body, e.fields, e.message),
          422,
        ),
    });
  });
}

/** One consultation with its opinions and, once closed, the feedback form. */
async function detailPage(
  ctx: AppContext,
  request: FastifyRequest,
  user: CurrentUser,
  id: string,
  failed?: { errors: Errors; values: Form; message: string },
) {
  const agencies = await agenciesInScope(ctx, user, 'messages.handle');
  const c = await consultationsStore.byId(ctx.db, id);
  const agency = c && agencies.find((a) => a.id === c.agency_id);
  if (!c || !agency) throw notFound('该意见征集');
  const stage = stageOf(c, legalToday(ctx));
  const opinions = await opinionsForStaff(ctx, user.actor, c);
  const errors = failed?.errors ?? {};
  const v = failed?.values ?? {};
  return (
    <>
      <p>
        <a href="/admin/consultations">← 征集调查</a>
      </p>
      <h1>{c.title}</h1>
      <p>
        {agency.name}；征集时间 {c.opens_on} 至 {c.closes_on}；{stageLabel[stage]}；公众页面：
        <a href={`/${agency.pathSegment}/zjdc/${c.id}`}>
          /{agency.pathSegment}/zjdc/{c.id}
        </a>
      </p>
      {stage === 'feedback' && (
        <>
          <h2>已公布的反馈</h2>
          <p class="pre-wrap">{c.feedback_summary}</p>
        </>
      )}
      <ErrorSummary errors={errors} message={failed?.message} />
      <form method="post" action={`/admin/consultations/${c.id}/feedback`} novalidate>
        <CsrfField token={request.csrfToken} />
        <h2>收到的意见（{opinions.length}）</h2>
        {opinions.length === 0 && <p>暂未收到意见。</p>}
        {opinions.map((o, i) => (
          <section class="opinion">
            <h3>
              第 {i + 1} 条（{o.submitted_at.slice(0, 10)}）{o.name ? ` ${o.name}` : ' 匿名'}
              {o.contact ? ` ${o.contact}` : ''}
            </h3>
            <p class="pre-wrap">{o.body}</p>
            {stage === 'feedback' && (
              <p>
                {o.decision && isDecision(o.decision) ? decisionLabel[o.decision] : '—'}
                {o.reason && `：${o.reason}`}
              </p>
            )}
            {stage === 'closed' && (
              <>
                <Radios
                  name={`decision_${o.id}`}
                  legend={`第 ${i + 1} 条意见是否采纳`}
                  options={decisions.map((d) => [d, decisionLabel[d]])}
                  value={v[`decision_${o.id}`]}
                  errors={errors}
                />
                <TextField
                  name={`reason_${o.id}`}
                  label="理由（未采纳或部分采纳时必填）"
                  value={v[`reason_${o.id}`]}
                  errors={errors}
                />
              </>
            )}
          </section>
        ))}
        {stage === 'closed' && (
          <>
            <Field name="summary" label="反馈情况说明" errors={errors}>
              {(a) => <textarea {...a}>{v.summary ?? ''}</textarea>}
            </Field>
            <button type="submit">公布反馈</button>
          </>
        )}
        {(stage === 'open' || stage === 'upcoming') && <p>征集期结束后可在此公布意见采纳情况。</p>}
      </form>
    </>
  );
}

/** One consultation and the publishing of its feedback. */
function registerConsultationDetail(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string } }>('/admin/consultations/:id', async (request, reply) => {
    const user = requireUser(request);
    return sendAdminPage(reply, request, '征集调查', await detailPage(ctx, request, user, request.params.id));
  });

  app.post<{ Params: { id: string }; Body: Form }>(
    '/admin/consultations/:id/feedback',
    async (request, reply) => {
      const user = requireUser(request);
      try {
        await publishFeedback(ctx, user.actor, request.params.id, request.body ?? {});
        return reply.redirect(`/admin/consultations/${request.params.id}`, 303);
      } catch (e) {
        if (!(e instanceof DomainError) || !handled.includes(e.code)) throw e;
        const page = await detailPage(ctx, request, user, request.params.id, {
          errors: e.fields,
          values: request.body ?? {},
          message: e.message,
        });
        return sendAdminPage(reply, request, '征集调查', page, 422);
      }
    },
  );
}
