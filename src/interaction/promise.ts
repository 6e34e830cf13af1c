/**
 * The reply promise (答复承诺) of a message and the national 3-month line. Pure: the working-day calendar
 * comes in as an argument.
 *
 * - The promise is the agency's own (e.g. the seed township: "自收到留言咨询之日起3个工作日内完成回复");
 *   per agency and kind, default 3 working days (portal-standards §7 W6: no national number). The day of
 *   receipt is not counted (same convention as calendar/clock.ts, 条例 Art. 33).
 * - 政府网站与政务新媒体检查指标 单项否决 V4 (portal-standards §7): a consultation message unanswered for more
 *   than 3 months fails the whole site. We raise the alarm for every kind, so nothing gets near the line.
 */
import { addMonths, type IsoDate } from '../calendar/dates.js';
import { messageReplyClock } from '../calendar/clock.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { toLegalDay } from '../calendar/legal-day.js';

export const DEFAULT_PROMISE_DAYS = 3;
export const MAX_PROMISE_DAYS = 60;
/** Reminders go out this many working days before the due date. */
const REMIND_DAYS_BEFORE = 1;

interface PromiseDates {
  receivedOn: IsoDate;
  dueOn: IsoDate;
  /** Open after this day means open for more than 3 months. */
  criticalAfter: IsoDate;
  provisional: boolean;
}

export function promiseDates(cal: WorkCalendar, receivedAt: string, promiseDays: number): PromiseDates {
  const clock = messageReplyClock(cal, { receivedAt, promiseDays, asOf: receivedAt });
  const receivedOn = toLegalDay(receivedAt);
  return {
    receivedOn,
    dueOn: clock.dueDate ?? cal.addWorkingDays(receivedOn, promiseDays).date,
    criticalAfter: addMonths(receivedOn, 3),
    provisional: clock.provisional,
  };
}

/** Working days used to reply: receipt day not counted, reply day counted (0 = answered the same day). */
export function replyWorkdays(cal: WorkCalendar, receivedOn: IsoDate, repliedOn: IsoDate): number {
  return cal.workingDaysBetween(receivedOn, repliedOn);
}

export type Urgency = 'on_time' | 'due_soon' | 'overdue' | 'critical';

export const urgencyLabel: Record<Urgency, string> = {
  on_time: '正常',
  due_soon: '即将到期',
  overdue: '已超期',
  critical: '超过3个月未答复',
};

/** How urgent an open message is on `today`. */
export function urgencyOf(
  cal: WorkCalendar,
  m: { dueOn: IsoDate; criticalAfter: IsoDate },
  today: IsoDate,
): Urgency {
  if (today > m.criticalAfter) return 'critical';
  if (today > m.dueOn) return 'overdue';
  // Working days left after today, up to and including the due date.
  return cal.workingDaysBetween(today, m.dueOn) <= REMIND_DAYS_BEFORE ? 'due_soon' : 'on_time';
}

export const urgencyLevel: Record<Urgency, number> = { on_time: 0, due_soon: 1, overdue: 2, critical: 3 };
