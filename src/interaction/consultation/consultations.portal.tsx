/**
 * Public pages of 征集调查 on each agency's site: the list (open, closed, feedback published), one
 * consultation with the draft, its attachments, the opinion form while open, and the feedback once published.
 * Works without JavaScript; honeypot, rate limit and CSRF as on the message form.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatDateZh } from '../../calendar/dates.js';
import { legalToday } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { agencyBySegment, sendPortalPage } from '../../web/portal-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../../web/views/forms.js';
import { decisionLabel, isDecision, stageLabel, stageOf, type ConsultationStage } from './consultation.js';
import { consultationsStore, type ConsultationRow, type OpinionRow } from './consultations.store.js';
import { submitOpinion } from './submit-opinion.js';

type Form = Record<string, string | string[] | undefined>;
type Params = { agency: string; id: string };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const day = (d: string) => formatDateZh(d, false);
const size = (n: number) => `${Math.max(1, Math.ceil(n / 1024))} KB`;

export function registerConsultationPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerConsultationList(app, ctx);
  registerConsultationPages(app, ctx);
  registerConsultationAttachments(app, ctx);
}

/** The consultations that have opened, by stage. */
function registerConsultationList(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { agency: string } }>('/:agency/zjdc/', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    const t = legalToday(ctx);
    const all = (await consultationsStore.ofAgencies(ctx.db, [agency.id])).filter((c) => c.opens_on <= t);
    const group = (s: ConsultationStage) => all.filter((c) => stageOf(c, t) === s);
    const List = ({ list }: { list: ConsultationRow[] }) =>
      list.length === 0 ? (
        <p>暂无。</p>
      ) : (
        <ul>
          {list.map((c) => (
            <li>
              <a href={`/${agency.pathSegment}/zjdc/${c.id}`}>{c.title}</a>（{day(c.opens_on)} 至{' '}
              {day(c.closes_on)}）
            </li>
          ))}
        </ul>
      );
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '征集调查',
      <>
        <h1>征集调查</h1>
        {(['open', 'closed', 'feedback'] as const).map((s) => (
          <>
            <h2>{stageLabel[s]}</h2>
            <List list={group(s)} />
          </>
        ))}
      </>,
    );
  });
}

/** The opinion form, shown while the consultation is open. */
function OpinionForm({
  base,
  csrf,
  values,
  errors,
  message,
}: {
  base: string;
  csrf: string;
  values: Form;
  errors: Errors;
  message?: string;
}) {
  return (
    <>
      <h2>提交意见建议</h2>
      <ErrorSummary errors={errors} message={message} />
      <form method="post" action={base} novalidate>
        <CsrfField token={csrf} />
        <Field name="body" label="意见建议" errors={errors}>
          {(a) => <textarea {...a}>{one(values.body) ?? ''}</textarea>}
        </Field>
        <TextField
          name="name"
          label="姓名（可选）"
          value={one(values.name)}
          errors={errors}
          autocomplete="name"
        />
        <TextField
          name="contact"
          label="联系方式（可选）"
          hint="手机号、固定电话或电子邮箱，仅用于就您的意见与您联系，不会公开。"
          value={one(values.contact)}
          errors={errors}
        />
        <div class="hp" aria-hidden="true">
          <label for="f-website">网址（请勿填写）</label>
          <input type="text" id="f-website" name="website" tabIndex={-1} autocomplete="off" />
        </div>
        <button type="submit">提交意见</button>
      </form>
    </>
  );
}

/** The published feedback: the summary and each opinion with its decision. */
function Feedback({ c, opinions }: { c: ConsultationRow; opinions: OpinionRow[] }) {
  return (
    <>
      <h2>意见采纳情况</h2>
      <p class="pre-wrap">{c.feedback_summary}</p>
      {opinions.length > 0 && (
        <table>
          <caption>收到的意见及采纳情况（共 {opinions.length} 条）</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">意见建议</th>
              <th scope="col">采纳情况</th>
              <th scope="col">理由</th>
            </tr>
          </thead>
          <tbody>
            {opinions.map((o, i) => (
              <tr>
                <th scope="row">{i + 1}</th>
                <td class="pre-wrap">{o.body}</td>
                <td>{o.decision && isDecision(o.decision) ? decisionLabel[o.decision] : '—'}</td>
                <td>{o.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** One consultation that has opened (404 otherwise) with what its stage shows. */
async function consultationPage(
  ctx: AppContext,
  request: FastifyRequest<{ Params: Params }>,
  values: Form,
  errors: Errors,
  extra: { message?: string; received?: boolean } = {},
) {
  const agency = await agencyBySegment(ctx, request.params.agency);
  const c = await consultationsStore.byId(ctx.db, request.params.id);
  const t = legalToday(ctx);
  if (!c || c.agency_id !== agency.id || c.opens_on > t) throw notFound('该意见征集');
  const stage = stageOf(c, t);
  const [files, opinions] = await Promise.all([
    consultationsStore.attachments(ctx.db, c.id),
    stage === 'feedback' ? consultationsStore.opinions(ctx.db, c.id) : Promise.resolve([]),
  ]);
  const base = `/${agency.pathSegment}/zjdc/${c.id}`;
  return {
    agency,
    title: c.title,
    page: (
      <>
        <h1>{c.title}</h1>
        <dl class="meta">
          <dt>征集时间</dt>
          <dd>
            {day(c.opens_on)} 至 {day(c.closes_on)}
          </dd>
          <dt>状态</dt>
          <dd>{stageLabel[stage]}</dd>
        </dl>
        {extra.received && (
          <p class="notice" role="status">
            您的意见已收到，感谢参与。征集结束后我们将公布意见采纳情况。
          </p>
        )}
        <h2>草案内容</h2>
        <div class="pre-wrap">{c.draft_text}</div>
        {files.length > 0 && (
          <>
            <h2>附件</h2>
            <ul>
              {files.map((f) => (
                <li>
                  <a href={`${base}/attachments/${f.id}`}>{f.filename}</a>（{size(f.size)}）
                </li>
              ))}
            </ul>
          </>
        )}
        {stage === 'open' && (
          <OpinionForm
            base={base}
            csrf={request.csrfToken}
            values={values}
            errors={errors}
            message={extra.message}
          />
        )}
        {stage === 'closed' && (
          <>
            {extra.message && <ErrorSummary errors={{}} message={extra.message} />}
            <p>征集已结束，意见采纳情况整理后将在此公布。</p>
          </>
        )}
        {stage === 'feedback' && <Feedback c={c} opinions={opinions} />}
      </>
    ),
  };
}

/** One consultation and the submission of an opinion. */
function registerConsultationPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: Params }>('/:agency/zjdc/:id', async (request, reply) => {
    const { agency, title, page: body } = await consultationPage(ctx, request, {}, {});
    return sendPortalPage(ctx, request, reply, agency, title, body);
  });

  app.post<{ Params: Params; Body: Form }>(
    '/:agency/zjdc/:id',
    { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      // Resolves the agency and checks the consultation belongs to it before anything is stored.
      await consultationPage(ctx, request, {}, {});
      const input = Object.fromEntries(Object.entries(request.body ?? {}).map(([k, v]) => [k, one(v)]));
      try {
        await submitOpinion(ctx, request.params.id, input);
        const {
          agency,
          title,
          page: body,
        } = await consultationPage(ctx, request, {}, {}, { received: true });
        return sendPortalPage(ctx, request, reply, agency, title, body, 201);
      } catch (e) {
        if (
          !(e instanceof DomainError) ||
          !['validation.failed', 'consultation.closed', 'consultation.refused'].includes(e.code)
        )
          throw e;
        const {
          agency,
          title,
          page: body,
        } = await consultationPage(ctx, request, request.body ?? {}, e.fields, {
          message: e.message,
        });
        return sendPortalPage(ctx, request, reply, agency, title, body, 422);
      }
    },
  );
}

/** The consultation's attachments, always as downloads. */
function registerConsultationAttachments(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: Params & { file: string } }>(
    '/:agency/zjdc/:id/attachments/:file',
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const c = await consultationsStore.byId(ctx.db, request.params.id);
      if (!c || c.agency_id !== agency.id || c.opens_on > legalToday(ctx)) throw notFound('该附件');
      const f = await consultationsStore.attachment(ctx.db, c.id, request.params.file);
      if (!f) throw notFound('该附件');
      // Always a download with the type found by content sniffing: never rendered as a page of our site.
      return reply
        .type(f.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .send(Buffer.from(f.data, 'base64'));
    },
  );
}
