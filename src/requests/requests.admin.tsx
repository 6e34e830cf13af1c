/**
 * Admin screens of 依申请公开: the work queues (mine, due in ≤ 5 working days, overdue, paused), staff intake,
 * and the case page (summary, clock and its explanation, timeline, the forms of the actions the user may take).
 * Thin: schema → load → authorise (in the use cases) → use case → render.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesStore } from '../access/agencies.store.js';
import { scopeOf } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import { dayNumber, formatDateZh, isoDateOf } from '../calendar/dates.js';
import type { AppContext } from '../platform/context.js';
import { DomainError, type FieldErrors } from '../platform/errors.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, type Errors } from '../web/views/forms.js';
import { acceptApplication } from './actions/accept-application.js';
import { ActionForm } from './actions/action-forms.js';
import { APPLICANT_KIND_LABEL } from './applicant.js';
import { ATTACHMENT_KINDS, type AttachmentKind } from './attachments.js';
import { legalDayOf } from '../calendar/legal-day.js';
import { approveExtension } from './actions/approve-extension.js';
import { archiveCase } from './actions/archive-case.js';
import { calendarFor } from './calendar-for.js';
import { todayOf, viewCase } from './actions/case-action.js';
import { caseFacts } from './case-clock.js';
import { MILESTONE, statusView } from './case-status.js';
import { closeUnclarified } from './actions/close-unclarified.js';
import { closeUnpaid } from './actions/close-unpaid.js';
import { delayReply } from './actions/delay-reply.js';
import { draftReply } from './actions/draft-reply.js';
import { endConsultation } from './actions/end-consultation.js';
import { RECEIPT_CHANNELS } from '../calendar/rules.js';
import { STAFF_CHANNELS } from './intake.js';
import { issueFeeNotice } from './actions/issue-fee-notice.js';
import { receiveClarification } from './actions/receive-clarification.js';
import { recordDelivery } from './actions/record-delivery.js';
import { recordPayment } from './actions/record-payment.js';
import { registerApplication } from './actions/register-application.js';
import { registrationNumber } from './registration.js';
import { reopenCase } from './actions/reopen-case.js';
import { requestClarification } from './actions/request-clarification.js';
import { requestsStore, type QueueName, type StoredCaseEvent } from './requests.store.js';
import type { ClockFinding } from '../calendar/clock.js';
import { reviewReply } from './actions/review-reply.js';
import { sendReply } from './actions/send-reply.js';
import { splitApplication } from './actions/split-application.js';
import { startConsultation } from './actions/start-consultation.js';
import { ApplicationFields, Radios } from './views/application-fields.js';
import { NoticeReceipts, deliveryEventText } from './views/notice-receipts.js';
import { DELIVERABLE_NOTICES, DELIVERY_EVENT } from './notice-receipt.js';
import { withdrawApplication } from './actions/withdraw-application.js';
import { downloadAttachment, viewApplicant } from './actions/view-personal-data.js';
import { RepeatNotice, repeatCandidatesFor } from './repeat/repeat-requests.view.js';
import { TransferSection } from './transfer/transfer-to-catalog.admin.js';
import { ACTIONS, STATE_LABEL, availableActions, type CaseAction, type CaseState } from './workflow.js';
import { noticeKindsFor } from './notices/notice-kinds.js';
import { NoticePage } from './notices/notice-html.js';
import { loadNotice, noticeLabel, renderNotice } from './notices/render-notice.js';
import { limited } from '../web/concurrency.js';
import { sendPage } from '../web/render.js';
import { formRoute } from '../web/form-route.js';

type Form = Record<string, string | undefined>;

const APPLICANT_FIELD_LABEL: Record<string, string> = {
  kind: '申请人类型',
  name: '姓名或名称',
  idType: '身份证件类型',
  idNumber: '身份证件号码',
  creditCode: '统一社会信用代码',
  legalRepresentative: '法定代表人或者主要负责人',
  contactName: '联系人',
  phone: '联系电话',
  address: '通信地址',
  postcode: '邮政编码',
  email: '电子邮箱',
};
type Run = (ctx: AppContext, actor: Actor, input: { caseId: string } & Form) => Promise<unknown>;

const RUN: Record<CaseAction, Run> = {
  accept: acceptApplication,
  request_clarification: requestClarification,
  receive_clarification: receiveClarification,
  close_unclarified: closeUnclarified,
  start_consultation: startConsultation,
  end_consultation: endConsultation,
  approve_extension: approveExtension,
  delay_reply: delayReply,
  issue_fee_notice: issueFeeNotice,
  record_payment: recordPayment,
  close_unpaid: closeUnpaid,
  draft_reply: draftReply,
  return_draft: reviewReply,
  review_reply: reviewReply,
  send_reply: sendReply,
  archive: archiveCase,
  withdraw: withdrawApplication,
  reopen: reopenCase,
  split: splitApplication,
  record_delivery: recordDelivery,
};

const QUEUES: Record<QueueName, string> = {
  mine: '我的案件',
  due_soon: '5 个工作日内到期',
  overdue: '已逾期',
  paused: '暂停计时',
  all: '全部在办',
};

async function requestScope(ctx: AppContext, actor: Actor): Promise<string[]> {
  const all = await agenciesStore.all(ctx.db);
  const ids = new Set<string>();
  for (const action of [
    'requests.handle',
    'requests.review',
    'requests.approve',
    'reports.supervise',
  ] as const)
    for (const id of scopeOf(actor, action, all)) ids.add(id);
  return [...ids];
}

async function casePage(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  caseId: string,
  errors: Errors = {},
  message?: string,
) {
  const user = requireUser(request);
  const c = await viewCase(ctx, user.actor, caseId);
  // A supervisor without a workflow role reads the case (records.view): masked data, no links to full data, no forms.
  const readOnly = c.roles.length === 0;
  const s = await statusView(ctx, c.row, c.events);
  const facts = caseFacts(c.row.state as CaseState, c.events);
  // 登记送达 names a notice already sent: the latest of each kind.
  const sent = Object.fromEntries(
    s.receipts.map((x) => [
      x.notice,
      `${DELIVERABLE_NOTICES[x.notice]}（${formatDateZh(x.sentOn, false)}发出）`,
    ]),
  );
  const actions = availableActions(facts, c.roles).filter(
    (a) => a !== 'record_delivery' || Object.keys(sent).length > 0,
  );
  const ended = new Set(c.events.filter((e) => e.type === 'consultation_ended').map((e) => e.data.ref));
  const open = Object.fromEntries(
    c.events
      .filter((e) => e.type === 'consultation_started' && !ended.has(e.data.ref))
      .map((e) => [String(e.data.ref), String(e.data.consulted)]),
  );
  const r = c.row;
  const repeats = await repeatCandidatesFor(ctx, r);
  const attachments = await requestsStore.attachments(ctx.db, r.id);
  return sendAdminPage(
    reply,
    request,
    `申请 ${s.registrationNo}`,
    <>
      <h1>
        {c.agency.shortName} 依申请公开 {s.registrationNo}
      </h1>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      {readOnly && (
        <p class="notice" role="status">
          只读查看：主管部门可查看本案件的办理情况，申请人信息已隐去，不能办理。
        </p>
      )}
      <ErrorSummary errors={errors} />
      <RepeatNotice candidates={repeats} windowDays={ctx.config.requests.repeatWindowDays} />
      <dl class="meta">
        <dt>状态</dt>
        <dd>{s.stateLabel}</dd>
        <dt>答复期限</dt>
        <dd>{s.dueDate ? formatDateZh(s.dueDate) : '计时暂停中'}</dd>
        <dt>申请人</dt>
        <dd>
          {r.applicant_label}（{APPLICANT_KIND_LABEL[r.applicant_kind as keyof typeof APPLICANT_KIND_LABEL]}）{' '}
          {!readOnly && <a href={`/admin/requests/${r.id}/applicant`}>查看完整信息（将被记录）</a>}
        </dd>
        <dt>提交方式</dt>
        <dd>{RECEIPT_CHANNELS[r.channel as keyof typeof RECEIPT_CHANNELS].label}</dd>
        <dt>收到申请日期</dt>
        <dd>{formatDateZh(r.received_on)}</dd>
        <dt>所需信息</dt>
        <dd>
          {r.info_title} {r.info_doc_no} {r.info_index_no} {r.info_description}
        </dd>
        <dt>查询码</dt>
        <dd>{r.tracking_code}</dd>
      </dl>
      <ClockFindings findings={s.findings} />
      <details>
        <summary>答复期限的计算过程</summary>
        <pre class="pre-wrap">{s.explanation}</pre>
      </details>
      <h2>文书</h2>
      <ul>
        {noticeKindsFor(c.events, r.state).map((k) =>
          readOnly ? (
            <li>{noticeLabel(k, c.events)}</li>
          ) : (
            <li>
              <a href={`/admin/requests/${r.id}/notices/${k}.docx`}>{noticeLabel(k, c.events)}（DOCX）</a>{' '}
              <a href={`/admin/requests/${r.id}/notices/${k}.html`}>打印版（HTML）</a>
            </li>
          ),
        )}
      </ul>
      <h2>送达</h2>
      <NoticeReceipts receipts={s.receipts} />
      <TransferSection c={c} />
      <h2>材料</h2>
      {attachments.length === 0 ? (
        <p>暂无材料。</p>
      ) : (
        <ul>
          {attachments.map((a) => (
            <li>
              {ATTACHMENT_KINDS[a.kind as AttachmentKind] ?? a.kind}：
              {readOnly ? (
                a.filename
              ) : (
                <a href={`/admin/requests/${r.id}/attachments/${a.id}`}>{a.filename}</a>
              )}
              （{Math.ceil(Number(a.size) / 1024)} KB，{formatDateZh(legalDayOf(a.created_at), false)}）
            </li>
          ))}
        </ul>
      )}
      <h2>办理</h2>
      {actions.length === 0 && <p>{readOnly ? '只读查看，不能办理。' : '您当前没有可执行的操作。'}</p>}
      {actions.map((a) => (
        <ActionForm
          caseId={r.id}
          action={a}
          csrf={request.csrfToken}
          errors={errors}
          openConsultations={open}
          notices={sent}
        />
      ))}
      <HandlingRecord events={c.events} />
    </>,
    Object.keys(errors).length ? 422 : 200,
  );
}

/** What the statutory clock saw on the case (late steps, pauses run over, anomalies), in Chinese. */
function ClockFindings(props: { findings: readonly ClockFinding[] }) {
  if (props.findings.length === 0) return null;
  return (
    <section class="warning" aria-labelledby="clock-findings">
      <h2 id="clock-findings">期限提示</h2>
      <ul>
        {props.findings.map((f) => (
          <li>{f.message}</li>
        ))}
      </ul>
    </section>
  );
}

/** The record of handling: every case event in Chinese, with its reason and any 补录 reason. */
function HandlingRecord(props: { events: readonly StoredCaseEvent[] }) {
  return (
    <>
      <h2>办理记录</h2>
      <ol>
        {props.events.map((e) => (
          <li>
            {formatDateZh(e.day, false)} {e.actorLabel}：
            {e.type === DELIVERY_EVENT
              ? deliveryEventText(e.data)
              : (MILESTONE[e.type] ?? EVENT_LABEL[e.type] ?? '其他记录')}
            {typeof e.data.reason === 'string' ? `（${e.data.reason}）` : ''}
            {typeof e.data.lateReason === 'string' ? `（逾期补录：${e.data.lateReason}）` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Events of the record of handling that the public status page leaves out. */
const EVENT_LABEL: Record<string, string> = {
  accepted: '受理',
  reply_drafted: '拟写答复',
  reply_reviewed: '审核答复',
  draft_returned: '退回答复稿',
  archived: '归档',
  due_date_recomputed: '重新计算答复期限',
};

export function registerRequestAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerRequestList(app, ctx);
  registerRequestIntake(app, ctx);
  registerCasePage(app, ctx);
  registerCaseDocuments(app, ctx);
  registerCaseActions(app, ctx);
}

/** The case list by queue. */
function registerRequestList(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { queue?: string; agency?: string } }>('/admin/requests', async (request, reply) => {
    const user = requireUser(request);
    const queue = (
      request.query.queue && request.query.queue in QUEUES ? request.query.queue : 'all'
    ) as QueueName;
    const today = todayOf(ctx);
    const soon = isoDateOf((await calendarFor(ctx, { calendarRegion: null })).addN(dayNumber(today), 5));
    const agencyIds = (await requestScope(ctx, user.actor)).filter(
      (id) => !request.query.agency || id === request.query.agency,
    );
    const rows = await requestsStore.queue(ctx.db, {
      agencyIds,
      queue,
      userId: user.actor.kind === 'user' ? user.actor.userId : '',
      today,
      soon,
    });
    return sendAdminPage(
      reply,
      request,
      '依申请公开',
      <>
        <h1>依申请公开</h1>
        <p>
          <a class="button" href="/admin/requests/new">
            登记申请
          </a>{' '}
          <a href="/admin/requests/import">导入历史案件</a> <a href="/admin/requests/templates">文书模板</a>
        </p>
        <nav aria-label="工作队列">
          <ul class="cards">
            {(Object.entries(QUEUES) as [QueueName, string][]).map(([q, label]) => (
              <li>
                <a href={`/admin/requests?queue=${q}`} aria-current={q === queue ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <table>
          <caption>
            {QUEUES[queue]}（{rows.length} 件）
          </caption>
          <thead>
            <tr>
              <th scope="col">登记号</th>
              <th scope="col">申请人</th>
              <th scope="col">所需信息</th>
              <th scope="col">状态</th>
              <th scope="col">答复期限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/admin/requests/${r.id}`}>{registrationNumber(r.year, r.reg_no)}</a>
                </td>
                <td>{r.applicant_label}</td>
                <td>{r.info_title.slice(0, 40)}</td>
                <td>{STATE_LABEL[r.state as CaseState]}</td>
                <td>
                  {r.due_date ? formatDateZh(r.due_date, false) : '暂停'}
                  {r.due_date && r.due_date < today && <span class="tag warning"> 逾期</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
    );
  });
}

const intake = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  values: Form,
  errors: FieldErrors,
  status = 200,
) => {
  const user = requireUser(request);
  const all = await agenciesStore.all(ctx.db);
  const scope = scopeOf(user.actor, 'requests.handle', all);
  const channels = Object.fromEntries(STAFF_CHANNELS.map((c) => [c, RECEIPT_CHANNELS[c].label]));
  return sendAdminPage(
    reply,
    request,
    '登记申请',
    <>
      <h1>登记政府信息公开申请</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/requests/new" novalidate>
        <CsrfField token={request.csrfToken} />
        <Field name="agencyId" label="受理机关" errors={errors}>
          {(a) => (
            <select {...a}>
              {all
                .filter((x) => scope.has(x.id))
                .map((x) => (
                  <option value={x.id} selected={values.agencyId === x.id}>
                    {x.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Radios
          name="channel"
          legend="提交方式（决定收到申请之日，条例第三十一条）"
          options={channels}
          values={values}
          errors={errors}
        />
        <Field name="submittedOn" label="当面提交日期（当面提交、口头申请）" errors={errors}>
          {(a) => <input {...a} type="date" value={values.submittedOn ?? ''} />}
        </Field>
        <Field name="signedForOn" label="签收日期（需签收的邮件）" errors={errors}>
          {(a) => <input {...a} type="date" value={values.signedForOn ?? ''} />}
        </Field>
        <Field name="confirmedOn" label="与申请人确认收到的日期（平常信函、传真、电子邮件）" errors={errors}>
          {(a) => <input {...a} type="date" value={values.confirmedOn ?? ''} />}
        </Field>
        <ApplicationFields values={values} errors={errors} />
        <button type="submit">登记</button>
      </form>
    </>,
    status,
  );
};

/** The staff intake form: registering an application received through a staff channel. */
function registerRequestIntake(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/requests/new', async (request, reply) =>
    intake(ctx, request, reply, { applicantKind: 'natural' }, {}),
  );

  app.post<{ Body: Form }>('/admin/requests/new', async (request, reply) => {
    const user = requireUser(request);
    const body = request.body ?? {};
    return formRoute(reply, {
      run: () => registerApplication(ctx, user.actor, body.agencyId ?? '', body),
      redirect: (r) => `/admin/requests/${r.caseId}?done=registered`,
      again: (e) => intake(ctx, request, reply, body, e.fields, 422),
    });
  });
}

const doneMessage = (done: string | undefined): string | undefined =>
  done === 'record_delivery'
    ? '已登记送达。自申请人收到之日起算的期限（缴费期限、救济期限）以登记的收到日期为准。'
    : done
      ? '已保存。'
      : undefined;

/** The case page and the applicant's personal data (every view recorded). */
function registerCasePage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string }; Querystring: { done?: string } }>(
    '/admin/requests/:id',
    async (request, reply) =>
      casePage(ctx, request, reply, request.params.id, {}, doneMessage(request.query.done)),
  );

  // Every view of the applicant's personal data is recorded (DESIGN.md "Security baseline").
  app.get<{ Params: { id: string } }>('/admin/requests/:id/applicant', async (request, reply) => {
    const user = requireUser(request);
    const { caseId, applicant } = await viewApplicant(ctx, user.actor, request.params.id);
    return sendAdminPage(
      reply,
      request,
      '申请人信息',
      <>
        <h1>申请人信息</h1>
        <dl class="meta">
          {Object.entries(applicant).map(([k, v]) => (
            <>
              <dt>{APPLICANT_FIELD_LABEL[k] ?? k}</dt>
              <dd>{v}</dd>
            </>
          ))}
        </dl>
        <p>
          <a href={`/admin/requests/${caseId}`}>返回案件</a>
        </p>
      </>,
    );
  });
}

/** A case's notices (.docx and .html) and uploaded files. */
function registerCaseDocuments(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string; kind: string } }>(
    '/admin/requests/:id/notices/:kind.docx',
    async (request, reply) => {
      const user = requireUser(request);
      const n = await limited(request, 'export', () =>
        renderNotice(ctx, user.actor, request.params.id, request.params.kind),
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(n.filename)}`)
        .send(n.docx);
    },
  );

  // Uploaded files (ID copies, authorisations) are personal data: every download is recorded.
  app.get<{ Params: { id: string; attachmentId: string } }>(
    '/admin/requests/:id/attachments/:attachmentId',
    async (request, reply) => {
      const user = requireUser(request);
      const a = await downloadAttachment(ctx, user.actor, request.params.id, request.params.attachmentId);
      return reply
        .type(a.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .send(Buffer.from(a.content));
    },
  );

  app.get<{ Params: { id: string; kind: string } }>(
    '/admin/requests/:id/notices/:kind.html',
    async (request, reply) => {
      const user = requireUser(request);
      const { id, kind } = request.params;
      const n = await loadNotice(ctx, user.actor, id, kind, 'html');
      return sendPage(
        reply,
        <NoticePage
          n={n.text}
          back={`/admin/requests/${n.caseId}`}
          docx={`/admin/requests/${n.caseId}/notices/${kind}.docx`}
        />,
      );
    },
  );
}

/** The case page's actions: one form per action. */
function registerCaseActions(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: { id: string; action: string }; Body: Form }>(
    '/admin/requests/:id/act/:action',
    async (request, reply) => {
      const user = requireUser(request);
      const action = request.params.action as CaseAction;
      if (!ACTIONS.includes(action)) throw new DomainError('not_found', '未找到该操作。');
      const prefix = `${action}.`;
      const input: Form = {};
      for (const [k, v] of Object.entries(request.body ?? {}))
        if (k.startsWith(prefix))
          input[k.slice(prefix.length)] = v === '' && k.endsWith('.on') ? undefined : v;
      return formRoute(reply, {
        run: () => RUN[action](ctx, user.actor, { ...input, caseId: request.params.id }),
        redirect: () => `/admin/requests/${request.params.id}?done=${action}`,
        // The fields carry the action's prefix (one form per action on the case page).
        again: (e) =>
          casePage(
            ctx,
            request,
            reply,
            request.params.id,
            Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`${prefix}${k}`, v])),
          ),
      });
    },
  );
}
