/**
 * Query: what the applicant may see of a case, found by tracking code plus the last 4 digits of the phone
 * (compared as blind indexes, in constant time). State, due date and how it was reached, notices, the reply,
 * and the remedies with their deadlines. Never the applicant's personal data in full.
 */
import { timingSafeEqual } from 'node:crypto';
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import { reviewBodyOf } from '../access/review-body.js';
import { renderExplanationZh } from '../calendar/explain.js';
import type { ClockFinding } from '../calendar/clock.js';
import { remedyWindows, type RemedyWindow } from '../calendar/remedies.js';
import { remedyStatement } from '../calendar/remedies-statement.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import type { Outcome } from '../statute/outcomes.js';
import { calendarFor } from './calendar-for.js';
import { explainCaseClock } from './case-clock.js';
import { latestReceipt, noticeReceipts, type NoticeReceipt } from './notice-receipt.js';
import { todayOf } from './actions/case-action.js';
import type { DraftReply } from './actions/draft-reply.js';
import { accessIndex, registrationNumber } from './registration.js';
import { REPLY_TYPES, type ReplyType } from './reply-types.js';
import { requestsStore, type CaseRow, type StoredCaseEvent } from './requests.store.js';
import { isOpen, STATE_LABEL, type CaseState } from './workflow.js';

export interface CaseStatus {
  caseId: string;
  agency: Agency;
  trackingCode: string;
  registrationNo: string;
  applicantLabel: string;
  infoTitle: string;
  receivedOn: string;
  state: CaseState;
  stateLabel: string;
  dueDate: string | null;
  explanation: string;
  /** Dated public milestones (notices sent, answers received). */
  milestones: Array<{ day: string; text: string }>;
  clarification: { items: string; deadline: string } | null;
  /** The applicant may still withdraw online (the case is open). */
  withdrawable: boolean;
  /** What the clock saw: steps taken after their deadline, pauses run over, anomalies (clock-steps.ts). */
  findings: ClockFinding[];
  reply: (DraftReply & { type: ReplyType; on: string }) | null;
  /** The day the applicant received the reply (recorded or presumed): the remedy periods run from it. */
  replyReceipt: NoticeReceipt | null;
  remedies: { reconsideration: RemedyWindow; litigation: RemedyWindow } | null;
  /** The remedies in words with their last days (calendar/remedies-statement.ts), when there are remedies. */
  remedyText: string | null;
  /** Every notice sent, with the day it counts as received (for the case page). */
  receipts: NoticeReceipt[];
}

/** The case events in Chinese, as the status page and the staff's record of handling name them. */
export const MILESTONE: Record<string, string> = {
  registered: '登记申请',
  submitted: '收到申请（当面提交）',
  signed_for: '签收申请',
  receipt_confirmed: '确认收到申请',
  clarification_requested: '发出补正告知书',
  clarification_received: '收到补正材料',
  consultation_started: '征求意见（期间不计入答复期限）',
  consultation_ended: '征求意见结束',
  extended: '延长答复期限并告知',
  reply_delayed: '告知延迟答复',
  fee_notice_sent: '发出收费通知',
  fee_paid: '收到信息处理费',
  replied: '作出答复并送达',
  closed: '终止办理',
  reopened: '依决定重新答复',
  split: '按一事一申请拆分',
};

export async function statusView(
  ctx: AppContext,
  row: CaseRow,
  events: StoredCaseEvent[],
): Promise<CaseStatus> {
  const agencies = await agenciesStore.all(ctx.db);
  const agency = agencies.find((a) => a.id === row.agency_id)!;
  const cal = await calendarFor(ctx, agency);
  const { clock, explanation } = explainCaseClock(cal, events, todayOf(ctx), agency.deliveryMarginDays);
  const state = row.state as CaseState;
  const clarificationEvent = [...events].reverse().find((e) => e.type === 'clarification_requested');
  const replied = [...events].reverse().find((e) => e.type === 'replied' || e.type === 'closed');
  const draft = row.reply ? (JSON.parse(row.reply) as DraftReply) : null;
  const ended = state === 'replied' || state === 'closed' || state === 'archived';
  const outcome = (draft?.outcome ?? replied?.data.outcome) as Outcome | undefined;
  const reply =
    ended && replied && outcome
      ? {
          outcome,
          text: draft?.text ?? '',
          fields: draft?.fields ?? {},
          type: REPLY_TYPES[outcome],
          on: replied.day,
        }
      : null;
  // 自收到本答复之日起: the remedies run from the reply's receipt, recorded or presumed (notice-receipt.ts).
  const replyReceipt = reply
    ? latestReceipt(cal, events, ['replied', 'closed'], agency.deliveryMarginDays)
    : null;
  const remedies = reply
    ? remedyWindows(cal, { knownOn: replyReceipt?.day ?? reply.on, refusal: reply.type.refusal })
    : clock.overdue && clock.dueDate
      ? remedyWindows(cal, { replyDueDate: clock.dueDate })
      : null;
  const remedyText =
    remedies &&
    remedyStatement({
      refusal: reply?.type.refusal ?? false,
      body: reviewBodyOf(agencies, agency).name,
      on: remedies.reconsideration.from,
      subject: reply ? 'reply' : 'omission',
      lastDays: {
        reconsideration: remedies.reconsideration.lastDay,
        litigation: remedies.litigation.lastDay,
      },
    });
  return {
    caseId: row.id,
    agency,
    trackingCode: row.tracking_code,
    registrationNo: registrationNumber(row.year, row.reg_no),
    applicantLabel: row.applicant_label,
    infoTitle: row.info_title || row.info_description.slice(0, 60),
    receivedOn: row.received_on,
    state,
    stateLabel: STATE_LABEL[state],
    dueDate: clock.dueDate,
    explanation: renderExplanationZh(explanation),
    milestones: events
      .filter((e) => MILESTONE[e.type])
      .map((e) => ({
        day: e.day,
        text:
          e.type === 'extended'
            ? `延长答复期限${Number(e.data.days)}个工作日并告知`
            : e.type === 'closed' && e.data.outcome === 'withdrawn'
              ? '申请人撤回申请，终止办理'
              : MILESTONE[e.type]!,
      })),
    clarification:
      state === 'awaiting_clarification' && clarificationEvent
        ? { items: String(clarificationEvent.data.items), deadline: String(clarificationEvent.data.deadline) }
        : null,
    withdrawable: isOpen(state),
    findings: clock.findings,
    reply,
    replyReceipt,
    receipts: noticeReceipts(cal, events, agency.deliveryMarginDays),
    remedies,
    remedyText,
  };
}

const refusedLookup = () =>
  new DomainError('request.lookup_failed', '查询码或电话号码后 4 位不正确，请核对后重试。', {
    trackingCode: '查询码或电话号码后 4 位不正确',
  });

/** The case behind a tracking code, if the second factor matches. */
export async function findByAccess(ctx: AppContext, code: unknown, last4: unknown): Promise<CaseRow> {
  const c = typeof code === 'string' ? code.trim().toUpperCase() : '';
  const d = typeof last4 === 'string' ? last4.trim() : '';
  if (!/^[2-9A-HJ-NP-Z]{12}$/.test(c) || !/^\d{4}$/.test(d)) throw refusedLookup();
  const row = await requestsStore.byTrackingCode(ctx.db, c);
  const expected = Buffer.from(accessIndex(ctx, c, d));
  const actual = Buffer.from(row?.access_index ?? '0'.repeat(expected.length));
  if (!row || actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw refusedLookup();
  return row;
}

export async function caseStatus(ctx: AppContext, code: unknown, last4: unknown): Promise<CaseStatus> {
  const row = await findByAccess(ctx, code, last4);
  return statusView(ctx, row, await requestsStore.events(ctx.db, row.id));
}
