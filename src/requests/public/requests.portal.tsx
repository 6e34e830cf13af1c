/**
 * Public pages of 依申请公开 on each agency's site: the application form (works without JavaScript; honeypot
 * and rate limit against abuse), the printable receipt with the tracking code, and the status page found by
 * tracking code + the last 4 digits of the phone, where a requested clarification can be supplied online.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Agency } from '../../access/agency.js';
import { publicActor } from '../../platform/actor.js';
import { formatDateZh } from '../../calendar/dates.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { agencyBySegment, sendPortalPage } from '../../web/portal-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../../web/views/forms.js';
import { caseStatus, findByAccess, type CaseStatus } from '../case-status.js';
import { receiveClarification } from '../actions/receive-clarification.js';
import { registrationNumber } from '../registration.js';
import { requestsStore, type CaseRow } from '../requests.store.js';
import { submitApplication } from './submit-application.js';
import { ApplicationFields } from '../views/application-fields.js';
import { receiptText } from '../views/notice-receipts.js';
import { withdrawApplication } from '../actions/withdraw-application.js';
import { MAX_ATTACHMENT_BYTES } from '../attachments.js';
import { acceptUploads, filesOf } from '../../web/uploads.js';
import {
  challengeAnswered,
  challengeDue,
  newChallenge,
  recordSubmission,
  type Challenge,
} from '../actions/abuse-challenge.js';
import { formRoute } from '../../web/form-route.js';

type Form = Record<string, string | undefined>;
const LIMIT = { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } };

/** A file input with its label, hint and error; the browser cannot keep a chosen file across a failed submission. */
function FileField(props: { name: string; label: string; errors: Errors }) {
  return (
    <Field
      name={props.name}
      label={props.label}
      errors={props.errors}
      hint={`PDF、JPEG 或 PNG 文件，不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB；提交出错时需要重新选择文件`}
    >
      {(a) => <input {...a} type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" />}
    </Field>
  );
}

/** The accessible challenge: a text question with a label, asked only above the volume threshold. */
function ChallengeField(props: { challenge: Challenge; errors: Errors }) {
  return (
    <>
      <input type="hidden" name="challengeToken" value={props.challenge.token} />
      <Field
        name="challengeAnswer"
        label={`验证问题：${props.challenge.question}`}
        errors={props.errors}
        hint="近期来自您所在网络的申请较多，请回答这个问题后提交；请用阿拉伯数字填写，如 12"
      >
        {(a) => <input {...a} type="text" inputMode="numeric" autocomplete="off" value="" />}
      </Field>
    </>
  );
}

function ApplyPage(props: {
  agency: Agency;
  values: Form;
  errors: Errors;
  csrf: string;
  message?: string;
  challenge?: Challenge;
}) {
  return (
    <>
      <h1>政府信息公开申请</h1>
      <p>
        向{props.agency.name}
        申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条至第二十九条）。本机关自收到申请之日起
        20 个工作日内答复；网上提交成功之时即为双方确认之时，当日为收到申请之日（第三十一条）。
      </p>
      <ErrorSummary errors={props.errors} message={props.message} />
      <form
        method="post"
        action={`/${props.agency.pathSegment}/ysqgk/apply`}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField token={props.csrf} />
        <ApplicationFields values={props.values} errors={props.errors} />
        <h2>附件</h2>
        <FileField name="idCopy" label="身份证明（选填）" errors={props.errors} />
        <FileField
          name="authorisation"
          label="授权委托书（委托代理人申请的必须上传）"
          errors={props.errors}
        />
        {props.challenge && <ChallengeField challenge={props.challenge} errors={props.errors} />}
        {/* Honeypot: people never see or fill this field; form-filling robots do. */}
        <div class="visually-hidden" aria-hidden="true">
          <label for="f-website">请勿填写此项</label>
          <input type="text" id="f-website" name="website" tabIndex={-1} autocomplete="off" value="" />
        </div>
        <button type="submit">提交申请</button>
      </form>
    </>
  );
}

function StatusLookup(props: { agency: Agency; csrf: string; errors: Errors; values: Form }) {
  return (
    <>
      <h1>申请办理进度查询</h1>
      <ErrorSummary errors={props.errors} />
      <form method="post" action={`/${props.agency.pathSegment}/ysqgk/status`} novalidate>
        <CsrfField token={props.csrf} />
        <TextField
          name="trackingCode"
          label="查询码"
          value={props.values.trackingCode}
          errors={props.errors}
          hint="提交申请后回执上的 12 位查询码"
        />
        <TextField
          name="last4"
          label="联系电话后 4 位"
          value={props.values.last4}
          errors={props.errors}
          autocomplete="off"
        />
        <button type="submit">查询</button>
      </form>
    </>
  );
}

function StatusBody(props: {
  s: CaseStatus;
  csrf: string;
  last4: string;
  errors?: Errors;
  message?: string;
}) {
  const { s } = props;
  return (
    <>
      <h1>申请办理进度</h1>
      {props.message && (
        <p class="notice" role="status">
          {props.message}
        </p>
      )}
      <dl class="meta">
        <dt>登记号</dt>
        <dd>{s.registrationNo}</dd>
        <dt>申请人</dt>
        <dd>{s.applicantLabel}</dd>
        <dt>所需信息</dt>
        <dd>{s.infoTitle}</dd>
        <dt>收到申请日期</dt>
        <dd>{formatDateZh(s.receivedOn)}</dd>
        <dt>办理状态</dt>
        <dd>{s.stateLabel}</dd>
        <dt>答复期限</dt>
        <dd>{s.dueDate ? formatDateZh(s.dueDate) : '计时暂停中'}</dd>
      </dl>
      <details>
        <summary>答复期限是如何计算的</summary>
        <pre class="pre-wrap">{s.explanation}</pre>
      </details>
      <h2>办理过程</h2>
      <ol>
        {s.milestones.map((m) => (
          <li>
            {formatDateZh(m.day, false)}：{m.text}
          </li>
        ))}
      </ol>
      {s.clarification && (
        <>
          <h2>补正申请</h2>
          <p>
            需要补正的事项：{s.clarification.items}。请于{formatDateZh(s.clarification.deadline)}
            前补正；无正当理由逾期不补正的，视为放弃申请（《政府信息公开条例》第三十条）。
          </p>
          <ErrorSummary errors={props.errors ?? {}} />
          <form
            method="post"
            action={`/${s.agency.pathSegment}/ysqgk/status/clarify`}
            enctype="multipart/form-data"
            novalidate
          >
            <CsrfField token={props.csrf} />
            <input type="hidden" name="trackingCode" value={s.trackingCode} />
            <input type="hidden" name="last4" value={props.last4} />
            <Field name="text" label="补正内容" errors={props.errors}>
              {(a) => <textarea {...a} rows={5}></textarea>}
            </Field>
            <FileField name="supplement" label="补正材料（选填）" errors={props.errors ?? {}} />
            <button type="submit">提交补正</button>
          </form>
        </>
      )}
      {s.withdrawable && (
        <>
          <h2>撤回申请</h2>
          <p>
            在本机关作出答复前，您可以撤回申请。撤回后本机关终止办理，撤回不能恢复；如仍需要该信息，可以重新提出申请。
          </p>
          <form method="post" action={`/${s.agency.pathSegment}/ysqgk/status/withdraw`} novalidate>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="trackingCode" value={s.trackingCode} />
            <input type="hidden" name="last4" value={props.last4} />
            <button type="submit" class="secondary">
              撤回申请
            </button>
          </form>
        </>
      )}
      {s.reply && (
        <>
          <h2>答复</h2>
          <p>
            {formatDateZh(s.reply.on)}
            作出答复：{s.reply.type.decision}（依据：{s.reply.type.basis}）
          </p>
          {s.reply.text && <p>{s.reply.text}</p>}
          {Object.values(s.reply.fields).map((t) => (
            <p>{t}</p>
          ))}
        </>
      )}
      {s.remedies && (
        <>
          <h2>救济途径</h2>
          <p>{s.remedyText}</p>
          {s.replyReceipt && (
            <p>
              上述期限自您收到本答复之日起计算，收到之日为{receiptText(s.replyReceipt)}
              {s.replyReceipt.presumed ? '。本机关登记您实际收到的日期后，以登记的日期为准。' : '。'}
            </p>
          )}
        </>
      )}
    </>
  );
}

/** The second step of an online withdrawal: nothing happens until the applicant confirms. */
function WithdrawConfirm(props: { s: CaseStatus; csrf: string; last4: string; errors: Errors }) {
  const { s } = props;
  return (
    <>
      <h1>确认撤回申请</h1>
      <ErrorSummary errors={props.errors} />
      <p>
        您将撤回登记号为 {s.registrationNo} 的政府信息公开申请（所需信息：{s.infoTitle}
        ）。撤回后本机关终止办理，撤回不能恢复。
      </p>
      <form method="post" action={`/${s.agency.pathSegment}/ysqgk/status/withdraw`} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="trackingCode" value={s.trackingCode} />
        <input type="hidden" name="last4" value={props.last4} />
        <input type="hidden" name="confirm" value="yes" />
        <Field name="note" label="撤回原因（选填）" errors={props.errors}>
          {(a) => <textarea {...a} rows={3}></textarea>}
        </Field>
        <button type="submit">确认撤回申请</button>
      </form>
      <form method="post" action={`/${s.agency.pathSegment}/ysqgk/status`} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="trackingCode" value={s.trackingCode} />
        <input type="hidden" name="last4" value={props.last4} />
        <button type="submit" class="secondary">
          不撤回，返回办理进度
        </button>
      </form>
    </>
  );
}

export async function registerRequestPortalRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await acceptUploads(app, { maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: 4 });
  registerApplicationForm(app, ctx);
  registerReceipt(app, ctx);
  registerStatusLookup(app, ctx);
  registerOnlineWithdrawal(app, ctx);
  registerOnlineClarification(app, ctx);
}

/** The application form and its submission (honeypot, challenge above the volume threshold, use case). */
function registerApplicationForm(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { agency: string } }>('/:agency/ysqgk/apply', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '政府信息公开申请',
      <ApplyPage
        agency={agency}
        values={{ applicantKind: 'natural' }}
        errors={{}}
        csrf={request.csrfToken}
        challenge={(await challengeDue(ctx, request.ip)) ? newChallenge(ctx) : undefined}
      />,
    );
  });

  app.post<{ Params: { agency: string }; Body: Form }>(
    '/:agency/ysqgk/apply',
    LIMIT,
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const body = request.body ?? {};
      if (body.website) throw new DomainError('request.rejected', '提交未被接受，请刷新页面后重新填写。');
      const challenged = await recordSubmission(ctx, request.ip);
      const again = (errors: Errors, message?: string) =>
        sendPortalPage(
          ctx,
          request,
          reply,
          agency,
          '政府信息公开申请（有错误）',
          <ApplyPage
            agency={agency}
            values={body}
            errors={errors}
            csrf={request.csrfToken}
            message={message}
            challenge={challenged ? newChallenge(ctx) : undefined}
          />,
          422,
        );
      if (challenged && !challengeAnswered(ctx, body.challengeToken, body.challengeAnswer))
        return again({
          challengeAnswer: body.challengeAnswer?.trim()
            ? '验证问题的答案不正确，请重新回答'
            : '请回答验证问题',
        });
      return formRoute(reply, {
        run: () => submitApplication(ctx, agency.id, body, filesOf(body)),
        redirect: (r) => `/${agency.pathSegment}/ysqgk/receipt/${r.trackingCode}`,
        again: (e) => again(e.fields, e.message),
      });
    },
  );
}

/** The printable receipt with the tracking code, shown after a submission. */
function Receipt(props: { agency: Agency; row: CaseRow }) {
  const { agency, row } = props;
  return (
    <>
      <h1>政府信息公开申请回执</h1>
      <p>您的申请已提交并保存。请记下查询码，凭查询码和联系电话后 4 位查询办理进度。</p>
      <dl class="meta">
        <dt>受理机关</dt>
        <dd>{agency.name}</dd>
        <dt>登记号</dt>
        <dd>{registrationNumber(row.year, row.reg_no)}</dd>
        <dt>查询码</dt>
        <dd>
          <strong>{row.tracking_code}</strong>
        </dd>
        <dt>申请人</dt>
        <dd>{row.applicant_label}</dd>
        <dt>所需信息</dt>
        <dd>{row.info_title || row.info_description.slice(0, 60)}</dd>
        <dt>收到申请日期</dt>
        <dd>
          {formatDateZh(row.received_on)}
          （网上提交，双方确认之日，《政府信息公开条例》第三十一条第（三）项）
        </dd>
        <dt>答复期限</dt>
        <dd>{row.due_date ? formatDateZh(row.due_date) : '—'}（20 个工作日，第三十三条）</dd>
      </dl>
      <p>
        <a href={`/${agency.pathSegment}/ysqgk/status`}>查询办理进度</a>
      </p>
    </>
  );
}

function registerReceipt(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { agency: string; code: string } }>(
    '/:agency/ysqgk/receipt/:code',
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const row = await requestsStore.byTrackingCode(ctx.db, request.params.code.toUpperCase());
      if (!row || row.agency_id !== agency.id) throw new DomainError('not_found', '未找到该申请回执。');
      return sendPortalPage(ctx, request, reply, agency, '申请回执', <Receipt agency={agency} row={row} />);
    },
  );
}

/** The status page, found by tracking code + the last 4 digits of the phone. */
function registerStatusLookup(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { agency: string } }>('/:agency/ysqgk/status', async (request, reply) => {
    const agency = await agencyBySegment(ctx, request.params.agency);
    return sendPortalPage(
      ctx,
      request,
      reply,
      agency,
      '办理进度查询',
      <StatusLookup agency={agency} csrf={request.csrfToken} errors={{}} values={{}} />,
    );
  });

  app.post<{ Params: { agency: string }; Body: Form }>(
    '/:agency/ysqgk/status',
    LIMIT,
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const body = request.body ?? {};
      try {
        const s = await caseStatusAt(ctx, agency, body);
        return sendPortalPage(
          ctx,
          request,
          reply,
          agency,
          '申请办理进度',
          <StatusBody s={s} csrf={request.csrfToken} last4={body.last4 ?? ''} />,
        );
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'request.lookup_failed') throw e;
        return sendLookupFailed(ctx, request, reply, agency, e, body);
      }
    },
  );
}

/** The case behind a tracking code and its second factor, refused like a wrong code when it is another agency's. */
async function caseStatusAt(ctx: AppContext, agency: Agency, body: Form): Promise<CaseStatus> {
  const s = await caseStatus(ctx, body.trackingCode, body.last4);
  if (s.agency.id !== agency.id)
    throw new DomainError('request.lookup_failed', '该查询码不属于本机关。', {
      trackingCode: '该查询码不属于本机关',
    });
  return s;
}

/** The lookup form again, with the refusal beside the code (422). */
function sendLookupFailed(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  agency: Agency,
  e: DomainError,
  body: Form,
) {
  return sendPortalPage(
    ctx,
    request,
    reply,
    agency,
    '办理进度查询（有错误）',
    <StatusLookup agency={agency} csrf={request.csrfToken} errors={e.fields} values={body} />,
    422,
  );
}

// Online withdrawal (tracking code + second factor): a confirmation page first, then the use case.
function registerOnlineWithdrawal(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: { agency: string }; Body: Form }>(
    '/:agency/ysqgk/status/withdraw',
    LIMIT,
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const body = request.body ?? {};
      let s: CaseStatus;
      try {
        s = await caseStatusAt(ctx, agency, body);
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'request.lookup_failed') throw e;
        return sendLookupFailed(ctx, request, reply, agency, e, body);
      }
      const last4 = body.last4 ?? '';
      const confirm = (errors: Errors, status = 200) =>
        sendPortalPage(
          ctx,
          request,
          reply,
          agency,
          '确认撤回申请',
          <WithdrawConfirm s={s} csrf={request.csrfToken} last4={last4} errors={errors} />,
          status,
        );
      if (body.confirm !== 'yes') return confirm({});
      try {
        await withdrawApplication(ctx, publicActor('申请人（网上撤回）'), {
          caseId: s.caseId,
          note: body.note,
        });
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'validation.failed') throw e;
        return confirm(e.fields, 422);
      }
      return sendPortalPage(
        ctx,
        request,
        reply,
        agency,
        '申请办理进度',
        <StatusBody
          s={await caseStatus(ctx, body.trackingCode, body.last4)}
          csrf={request.csrfToken}
          last4={last4}
          message="您的申请已撤回，本机关终止办理。"
        />,
      );
    },
  );
}

/** A clarification the agency asked for, supplied online (text and an optional file). */
function registerOnlineClarification(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: { agency: string }; Body: Form }>(
    '/:agency/ysqgk/status/clarify',
    LIMIT,
    async (request, reply) => {
      const agency = await agencyBySegment(ctx, request.params.agency);
      const body = request.body ?? {};
      const row = await findByAccess(ctx, body.trackingCode, body.last4);
      let errors: Errors | undefined;
      let message: string | undefined;
      try {
        await receiveClarification(ctx, publicActor('申请人（网上补正）'), {
          caseId: row.id,
          text: body.text,
          files: filesOf(body),
        });
        message = '补正内容已提交并保存，答复期限自今日起重新计算。';
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'validation.failed') throw e;
        errors = e.fields;
      }
      const s = await caseStatus(ctx, body.trackingCode, body.last4);
      return sendPortalPage(
        ctx,
        request,
        reply,
        agency,
        '申请办理进度',
        <StatusBody
          s={s}
          csrf={request.csrfToken}
          last4={body.last4 ?? ''}
          errors={errors}
          message={message}
        />,
        errors ? 422 : 200,
      );
    },
  );
}
