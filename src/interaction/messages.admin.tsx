/**
 * Staff screens for messages, scoped by `messages.handle`: the list (most urgent first), one message with the
 * steps its state allows, attachments, statistics per period, and the reply promise per kind.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import { can, scopeOf } from '../access/permissions.js';
import { isIsoDate } from '../calendar/dates.js';
import { legalToday } from '../calendar/legal-day.js';
import type { CurrentUser } from '../access/auth/current-user.js';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../web/views/forms.js';
import {
  isKind,
  isRating,
  isStatus,
  messageKindLabel,
  messageKinds,
  messageStatusLabel,
  messageStatuses,
  openStatuses,
  ratingLabel,
  stepsFrom,
  type MessageStep,
} from './message.js';
import { messageCalendars } from './message-calendar.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { messagesStore, type MessageRow } from './messages.store.js';
import { DEFAULT_PROMISE_DAYS, urgencyLabel, urgencyOf, type Urgency } from './promise.js';
import { setReplyPromises } from './set-reply-promise.js';
import { takeMessageStep } from './take-message-step.js';
import { downloadMessageAttachment, messageContact } from './view-message-contact.js';
import { formRoute } from '../web/form-route.js';

type Form = Record<string, string | undefined>;
const today = (ctx: AppContext) => legalToday(ctx);

async function scope(ctx: AppContext, user: CurrentUser) {
  const all = await agenciesStore.all(ctx.db);
  const ids = scopeOf(user.actor, 'messages.handle', all);
  return { all, ids, inScope: all.filter((a) => ids.has(a.id)) };
}

function UrgencyTag({ urgency }: { urgency: Urgency }) {
  if (urgency === 'on_time') return null;
  const cls = urgency === 'critical' ? 'critical' : urgency === 'overdue' ? 'overdue' : 'due-soon';
  return <span class={`tag ${cls}`}>{urgencyLabel[urgency]}</span>;
}

function urgencyFor(
  ctx: AppContext,
  m: MessageRow,
  agencies: Agency[],
  calendarOf: (region: string | null) => WorkCalendar,
): Urgency | null {
  if (!openStatuses.includes(m.status as never)) return null;
  const region = agencies.find((a) => a.id === m.handling_agency_id)?.calendarRegion ?? null;
  return urgencyOf(calendarOf(region), { dueOn: m.due_on, criticalAfter: m.critical_after }, today(ctx));
}

const statusText = (s: string) => (isStatus(s) ? messageStatusLabel[s] : s);
const kindText = (k: string) => (isKind(k) ? messageKindLabel[k] : k);

function StepForms(props: { m: MessageRow; targets: Agency[]; csrf: string; errors: Errors; values: Form }) {
  const { m, errors: e, values: v } = props;
  const steps = isStatus(m.status) ? stepsFrom(m.status) : [];
  if (steps.length === 0) return null;
  const action = `/admin/messages/${m.id}/step`;
  const simple = (step: MessageStep, label: string, secondary = false) => (
    <form method="post" action={action} class="inline">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="step" value={step} />
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {label}
      </button>
    </form>
  );
  return (
    <section aria-labelledby="steps-title">
      <h2 id="steps-title">办理</h2>
      {steps.includes('accept') && <p>{simple('accept', '受理')}</p>}
      {steps.includes('transfer') && props.targets.length > 0 && (
        <form method="post" action={action}>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="step" value="transfer" />
          <Field name="targetAgencyId" label="转办单位" errors={e}>
            {(a) => (
              <select {...a}>
                <option value="">（请选择）</option>
                {props.targets.map((t) => (
                  <option value={t.id} selected={v.targetAgencyId === t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit">转办</button>
        </form>
      )}
      {steps.includes('draft') && (
        <form method="post" action={action}>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="step" value="draft" />
          <Field name="reply" label="答复内容" errors={e} hint="提交后由审核人审核，审核通过即答复留言人">
            {(a) => <textarea {...a}>{v.reply ?? m.draft_reply ?? ''}</textarea>}
          </Field>
          <button type="submit">提交答复稿</button>
        </form>
      )}
      {steps.includes('approve') && (
        <>
          <h3>待审核的答复稿</h3>
          <p class="pre-wrap">{m.draft_reply}</p>
          <p>
            {simple('approve', '审核通过并答复')} {simple('return', '退回修改', true)}
          </p>
        </>
      )}
      {steps.includes('decline') && (
        <form method="post" action={action}>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="step" value="decline" />
          <TextField
            name="reason"
            label="不予受理的理由"
            value={v.reason}
            errors={e}
            hint="如：属于信访事项，请通过信访渠道反映"
          />
          <button type="submit" class="secondary">
            不予受理
          </button>
        </form>
      )}
    </section>
  );
}

async function detailPage(
  ctx: AppContext,
  request: FastifyRequest,
  user: CurrentUser,
  id: string,
  errors: Errors = {},
  values: Form = {},
  message?: string,
) {
  const { all, ids, inScope } = await scope(ctx, user);
  const m = await messagesStore.byId(ctx.db, id);
  if (!m) throw notFound('该留言');
  // A supervisor reads a subordinate's message from the dashboard (records.view): contact details masked, no steps.
  const readOnly = !(ids.has(m.handling_agency_id) || ids.has(m.agency_id));
  if (readOnly && !can(user.actor, 'records.view', m.handling_agency_id, all)) throw notFound('该留言');
  const contact = await messageContact(ctx, user.actor, m, readOnly);
  const files = await messagesStore.attachments(ctx.db, m.id);
  const urgency = urgencyFor(ctx, m, all, await messageCalendars(ctx, all));
  const name = (aid: string) => all.find((a) => a.id === aid)?.name ?? '';
  const mayAct = can(user.actor, 'messages.handle', m.handling_agency_id, all);
  return (
    <>
      <p>
        <a href="/admin/messages">← 留言办理</a>
      </p>
      <h1>{m.subject}</h1>
      {readOnly && (
        <p class="notice" role="status">
          只读查看：主管部门可查看下级机关的留言办理情况，留言人信息已隐去，不能办理。
        </p>
      )}
      <ErrorSummary errors={errors} message={message} />
      <dl class="meta">
        <dt>查询编号</dt>
        <dd>{m.tracking_code}</dd>
        <dt>类型</dt>
        <dd>{kindText(m.kind)}</dd>
        <dt>状态</dt>
        <dd>
          {statusText(m.status)} {urgency && <UrgencyTag urgency={urgency} />}
        </dd>
        <dt>收到网站</dt>
        <dd>{name(m.agency_id)}</dd>
        <dt>办理单位</dt>
        <dd>{name(m.handling_agency_id)}</dd>
        <dt>收到日期</dt>
        <dd>{m.received_on}</dd>
        <dt>答复期限</dt>
        <dd>
          {m.due_on}（{m.promise_days} 个工作日{m.provisional ? '，节假日安排未发布，暂按周末计算' : ''}）
        </dd>
        <dt>是否公开</dt>
        <dd>{m.is_public ? '公开' : '不公开'}</dd>
        <dt>留言人</dt>
        <dd>{contact.name ?? '—'}</dd>
        <dt>联系电话</dt>
        <dd>{contact.phone ?? '—'}</dd>
        <dt>电子邮箱</dt>
        <dd>{contact.email ?? '—'}</dd>
      </dl>
      <h2>留言内容</h2>
      <p class="pre-wrap">{m.body}</p>
      {files.length > 0 && (
        <ul>
          {files.map((f) => (
            <li>
              {readOnly ? (
                f.filename
              ) : (
                <a href={`/admin/messages/${m.id}/attachments/${f.id}`}>{f.filename}</a>
              )}
              （{Math.ceil(f.size / 1024)} KB）
            </li>
          ))}
        </ul>
      )}
      {m.status === 'declined' && <p>不予受理理由：{m.decline_reason}</p>}
      {m.status === 'replied' && (
        <>
          <h2>
            答复（{m.reply_department}，{m.closed_on}，用时 {m.reply_workdays} 个工作日）
          </h2>
          <p class="pre-wrap">{m.reply_body}</p>
          {m.rating && (
            <p>
              留言人评价：{isRating(m.rating) ? ratingLabel[m.rating] : m.rating}
              {m.rating_comment && `（${m.rating_comment}）`}
            </p>
          )}
        </>
      )}
      {mayAct && (
        <StepForms
          m={m}
          targets={inScope.filter((a) => a.id !== m.handling_agency_id)}
          csrf={request.csrfToken}
          errors={errors}
          values={values}
        />
      )}
    </>
  );
}

export function registerMessageAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerMessageList(app, ctx);
  registerMessageStats(app, ctx);
  registerReplyPromises(app, ctx);
  registerMessageDetail(app, ctx);
}

/** The message list in the user's scope, filtered by status or urgency. */
function registerMessageList(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { status?: string; overdue?: string } }>(
    '/admin/messages',
    async (request, reply) => {
      const user = requireUser(request);
      const { all, ids } = await scope(ctx, user);
      const status = isStatus(request.query.status) ? request.query.status : undefined;
      const overdue = request.query.overdue === '1';
      const list = await messagesStore.list(ctx.db, {
        agencyIds: [...ids],
        status,
        dueBefore: overdue ? today(ctx) : undefined,
      });
      const name = (id: string) => all.find((a) => a.id === id)?.shortName ?? '';
      const calendarOf = await messageCalendars(ctx, all);
      const tab = (href: string, label: string, current: boolean) => (
        <li>
          <a href={href} aria-current={current ? 'page' : undefined}>
            {label}
          </a>
        </li>
      );
      return sendAdminPage(
        reply,
        request,
        '留言办理',
        <>
          <h1>留言办理</h1>
          <p>
            <a href="/admin/messages/stats">统计</a>　<a href="/admin/messages/promises">答复时限设置</a>
          </p>
          <nav aria-label="按状态筛选">
            <ul class="cards">
              {tab('/admin/messages', '全部', !status && !overdue)}
              {tab('/admin/messages?overdue=1', '已超期', overdue)}
              {messageStatuses.map((s) =>
                tab(`/admin/messages?status=${s}`, messageStatusLabel[s], status === s),
              )}
            </ul>
          </nav>
          <table>
            <caption>留言（按答复期限排序，共 {list.length} 条）</caption>
            <thead>
              <tr>
                <th scope="col">查询编号</th>
                <th scope="col">标题</th>
                <th scope="col">类型</th>
                <th scope="col">办理单位</th>
                <th scope="col">收到日期</th>
                <th scope="col">答复期限</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => {
                const u = urgencyFor(ctx, m, all, calendarOf);
                return (
                  <tr>
                    <td>{m.tracking_code}</td>
                    <td>
                      <a href={`/admin/messages/${m.id}`}>{m.subject}</a>
                    </td>
                    <td>{kindText(m.kind)}</td>
                    <td>{name(m.handling_agency_id)}</td>
                    <td>{m.received_on}</td>
                    <td>{m.due_on}</td>
                    <td>
                      {statusText(m.status)} {u && <UrgencyTag urgency={u} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>,
      );
    },
  );
}

/** Message statistics over a period. */
function registerMessageStats(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/admin/messages/stats',
    async (request, reply) => {
      const user = requireUser(request);
      const { inScope } = await scope(ctx, user);
      const t = today(ctx);
      const from = isIsoDate(request.query.from) ? request.query.from : `${t.slice(0, 4)}-01-01`;
      const to = isIsoDate(request.query.to) ? request.query.to : t;
      const rows = await Promise.all(
        inScope.map(async (a) => ({ a, s: await messagesStore.stats(ctx.db, [a.id], from, to) })),
      );
      return sendAdminPage(
        reply,
        request,
        '留言统计',
        <>
          <h1>留言统计</h1>
          <form method="get" action="/admin/messages/stats" class="inline">
            <label for="f-from">起</label>
            <input type="date" id="f-from" name="from" value={from} />
            <label for="f-to">止</label>
            <input type="date" id="f-to" name="to" value={to} />
            <button type="submit">统计</button>
          </form>
          <table>
            <caption>
              {from} 至 {to}（收到数按收到日期，办结数、平均办理时间和公开答复数按办结日期）
            </caption>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col" class="num">
                  收到数
                </th>
                <th scope="col" class="num">
                  办结数
                </th>
                <th scope="col" class="num">
                  平均办理时间（工作日）
                </th>
                <th scope="col" class="num">
                  公开答复数
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ a, s }) => (
                <tr>
                  <th scope="row">{a.name}</th>
                  <td class="num">{s.received}</td>
                  <td class="num">{s.closed}</td>
                  <td class="num">{s.averageWorkdays ?? '—'}</td>
                  <td class="num">{s.published}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>,
      );
    },
  );
}

const promisesPage = async (
  ctx: AppContext,
  request: FastifyRequest,
  user: CurrentUser,
  agencyId: string | undefined,
  errors: Errors = {},
  values?: Form,
  message?: string,
) => {
  const { inScope } = await scope(ctx, user);
  const agency = inScope.find((a) => a.id === agencyId) ?? inScope[0];
  if (!agency) throw notFound('可设置的机关');
  const current = await messagesStore.promises(ctx.db, agency.id);
  const v: Form =
    values ?? Object.fromEntries(messageKinds.map((k) => [k, String(current[k] ?? DEFAULT_PROMISE_DAYS)]));
  return (
    <>
      <h1>留言答复时限</h1>
      <p>时限按工作日计算，自收到留言的次日起算；修改只对此后收到的留言生效。</p>
      {inScope.length > 1 && (
        <ul>
          {inScope.map((a) => (
            <li>
              <a
                href={`/admin/messages/promises?agency=${a.id}`}
                aria-current={a.id === agency.id ? 'page' : undefined}
              >
                {a.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{agency.name}</h2>
      <ErrorSummary errors={errors} message={message} />
      <form method="post" action={`/admin/messages/promises?agency=${agency.id}`} novalidate>
        <CsrfField token={request.csrfToken} />
        {messageKinds.map((k) => (
          <TextField
            name={k}
            label={`${messageKindLabel[k]}（工作日）`}
            value={v[k]}
            errors={errors}
            type="number"
          />
        ))}
        <button type="submit">保存</button>
      </form>
    </>
  );
};

/** The reply-promise (答复时限) settings form. */
function registerReplyPromises(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { agency?: string; saved?: string } }>(
    '/admin/messages/promises',
    async (request, reply) => {
      const user = requireUser(request);
      const body = await promisesPage(ctx, request, user, request.query.agency);
      return sendAdminPage(
        reply,
        request,
        '留言答复时限',
        <>
          {request.query.saved && (
            <p class="notice" role="status">
              已保存。
            </p>
          )}
          {body}
        </>,
      );
    },
  );

  app.post<{ Querystring: { agency?: string }; Body: Form }>(
    '/admin/messages/promises',
    async (request, reply) => {
      const user = requireUser(request);
      const agencyId = request.query.agency ?? '';
      return formRoute(reply, {
        run: () => setReplyPromises(ctx, user.actor, agencyId, request.body ?? {}),
        redirect: () => `/admin/messages/promises?agency=${encodeURIComponent(agencyId)}&saved=1`,
        again: async (e) => {
          const body = await promisesPage(ctx, request, user, agencyId, e.fields, request.body, e.message);
          return sendAdminPage(reply, request, '留言答复时限', body, 422);
        },
      });
    },
  );
}

/** A message's page, its handling steps and its attachments. */
function registerMessageDetail(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string } }>('/admin/messages/:id', async (request, reply) => {
    const user = requireUser(request);
    return sendAdminPage(reply, request, '留言详情', await detailPage(ctx, request, user, request.params.id));
  });

  app.post<{ Params: { id: string }; Body: Form }>('/admin/messages/:id/step', async (request, reply) => {
    const user = requireUser(request);
    const f = request.body ?? {};
    return formRoute(reply, {
      run: () =>
        takeMessageStep(ctx, user.actor, request.params.id, {
          step: f.step as MessageStep,
          reason: f.reason,
          targetAgencyId: f.targetAgencyId,
          reply: f.reply,
        }),
      redirect: () => `/admin/messages/${request.params.id}`,
      again: async (e) =>
        sendAdminPage(
          reply,
          request,
          '留言详情',
          await detailPage(ctx, request, user, request.params.id, e.fields, f, e.message),
          422,
        ),
    });
  });

  app.get<{ Params: { id: string; file: string } }>(
    '/admin/messages/:id/attachments/:file',
    async (request, reply) => {
      const user = requireUser(request);
      const { ids } = await scope(ctx, user);
      const m = await messagesStore.byId(ctx.db, request.params.id);
      if (!m || !(ids.has(m.handling_agency_id) || ids.has(m.agency_id))) throw notFound('该附件');
      const f = await downloadMessageAttachment(ctx, user.actor, m, request.params.file);
      // Always a download with the type found by content sniffing: never rendered inline.
      return reply
        .header('content-type', f.content_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
        .send(Buffer.from(f.data, 'base64'));
    },
  );
}
