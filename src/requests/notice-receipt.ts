/**
 * When the applicant received a notice (pure). Periods the law counts from the applicant's receipt — the
 * 20 working days to pay a fee "自收到收费通知的次日起" (国办函〔2020〕109号), the remedies "自收到本答复之日起"
 * (行政复议法 Art. 20, 行政诉讼法 Art. 46) — run from the day this rule gives:
 * - the day recorded by staff (登记送达: the signed-for day on a postal receipt, the day handed over, the day
 *   the applicant opened it online), when there is one;
 * - otherwise a presumption by how the notice was sent. The Regulation says nothing on service, so the rule
 *   borrows the service rules of 民事诉讼法 that the administrative procedure laws refer to (e.g. 行政处罚法
 *   Art. 61): handed over in person — the day it was handed over, which is the sending day and a fact, not a
 *   presumption; online, e-mail, fax — the day it reached the applicant's system (民事诉讼法 Art. 90), presumed
 *   to be the sending day; post — the sending day plus the agency's delivery margin in working days
 *   (`Agency.deliveryMarginDays` [K], default 3); a method not recorded is presumed to be post, the slowest.
 */
import { dayNumber, isoDateOf, type IsoDate } from '../calendar/dates.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { CaseEvent } from './case-clock.js';

/** How a notice reached the applicant; the words of the receipt channels (calendar/rules.ts) where they exist. */
export const DELIVERY_METHODS = {
  in_person: '当面送达',
  post: '邮寄',
  online: '互联网渠道',
  email: '电子邮件',
  fax: '传真',
} as const;
export type DeliveryMethod = keyof typeof DELIVERY_METHODS;

/** The case events that are notices to the applicant, with the notice's name. */
export const DELIVERABLE_NOTICES = {
  clarification_requested: '补正告知书',
  fee_notice_sent: '收费通知书',
  extended: '延期答复告知书',
  reply_delayed: '延迟答复告知书',
  replied: '答复书',
  closed: '终止办理告知书',
} as const;
type NoticeType = keyof typeof DELIVERABLE_NOTICES;

/** The case event recording a notice's delivery: { notice, method, receivedOn }. */
export const DELIVERY_EVENT = 'notice_delivered';

export const isDeliveryMethod = (m: unknown): m is DeliveryMethod =>
  typeof m === 'string' && Object.hasOwn(DELIVERY_METHODS, m);
export const isNoticeType = (t: unknown): t is NoticeType =>
  typeof t === 'string' && Object.hasOwn(DELIVERABLE_NOTICES, t);

export interface Receipt {
  /** The day the notice counts as received. */
  day: IsoDate;
  /** True when `day` is a presumption, not a recorded or handed-over day. */
  presumed: boolean;
  /** Why, in Chinese, for pages: the recorded delivery or the presumption used. */
  basis: string;
}

interface ReceiptInput {
  sentOn: IsoDate;
  method?: DeliveryMethod | null;
  /** The day staff recorded the applicant received it. */
  receivedOn?: IsoDate | null;
  /** The agency's delivery margin for post, in working days. */
  marginDays: number;
}

const ELECTRONIC = '参照《中华人民共和国民事诉讼法》第九十条，以到达申请人特定系统之日为收到之日';

/** The day a notice counts as received (see the file comment for the basis of each case). */
export function receiptDay(cal: WorkCalendar, input: ReceiptInput): Receipt {
  const { sentOn, method, receivedOn } = input;
  if (receivedOn) {
    const how = method ? `，${DELIVERY_METHODS[method]}` : '';
    return { day: receivedOn, presumed: false, basis: `已登记申请人收到之日${how}` };
  }
  switch (method) {
    case 'in_person':
      return { day: sentOn, presumed: false, basis: '当面送达，交付之日即为收到之日' };
    case 'online':
    case 'email':
    case 'fax':
      return {
        day: sentOn,
        presumed: true,
        basis: `以${DELIVERY_METHODS[method]}送达，推定发出当日到达（${ELECTRONIC}）`,
      };
    case 'post':
    case null:
    case undefined: {
      const m = Math.max(0, Math.trunc(input.marginDays));
      const day = isoDateOf(cal.addN(dayNumber(sentOn), m));
      const what = method === 'post' ? '邮寄送达' : '送达方式未登记，按邮寄';
      return {
        day,
        presumed: true,
        basis: `${what}推定发出后第${m}个工作日收到（本机关设定的邮寄在途期间）`,
      };
    }
  }
}

/** The delivery method a notice event names when it was sent: the reply's 送达方式, or a `delivery` field. */
function sentMethod(e: CaseEvent): DeliveryMethod | null {
  if (e.type === 'replied') {
    const m = e.data.method;
    // The reply form offers the applicant's ways of getting information (intake.ts DELIVERIES).
    if (m === 'pickup') return 'in_person';
    if (m === 'post' || m === 'email' || m === 'online') return m;
  }
  return isDeliveryMethod(e.data.delivery) ? e.data.delivery : null;
}

export interface NoticeReceipt extends Receipt {
  notice: NoticeType;
  sentOn: IsoDate;
  method: DeliveryMethod | null;
  /** Position of the notice among the case's events. */
  index: number;
}

/**
 * The receipt of the notice at `index`: a `notice_delivered` event for its type recorded after it (and before
 * the next notice of the same type) wins, the last one if several (a corrected entry); else the presumption.
 */
function receiptOfNotice(
  cal: WorkCalendar,
  events: readonly CaseEvent[],
  index: number,
  marginDays: number,
): NoticeReceipt | null {
  const e = events[index];
  if (!e || !isNoticeType(e.type)) return null;
  let recorded: CaseEvent | undefined;
  for (let j = index + 1; j < events.length && events[j]!.type !== e.type; j++) {
    const d = events[j]!;
    if (d.type === DELIVERY_EVENT && d.data.notice === e.type) recorded = d;
  }
  const method = recorded && isDeliveryMethod(recorded.data.method) ? recorded.data.method : sentMethod(e);
  const receivedOn = recorded ? String(recorded.data.receivedOn) : null;
  const r = receiptDay(cal, { sentOn: e.day, method, receivedOn, marginDays });
  return { ...r, notice: e.type, sentOn: e.day, method, index };
}

/** The receipt of the latest notice of one of `types`, or null when none was sent. */
export function latestReceipt(
  cal: WorkCalendar,
  events: readonly CaseEvent[],
  types: readonly NoticeType[],
  marginDays: number,
): NoticeReceipt | null {
  for (let i = events.length - 1; i >= 0; i--)
    if ((types as readonly string[]).includes(events[i]!.type))
      return receiptOfNotice(cal, events, i, marginDays);
  return null;
}

/** Every notice the case has sent, with its receipt, in order. */
export function noticeReceipts(
  cal: WorkCalendar,
  events: readonly CaseEvent[],
  marginDays: number,
): NoticeReceipt[] {
  const out: NoticeReceipt[] = [];
  events.forEach((_, i) => {
    const r = receiptOfNotice(cal, events, i, marginDays);
    if (r) out.push(r);
  });
  return out;
}
