/**
 * Statutory clocks computed from a case's events, never from stored counters, so that correcting an event or
 * a holiday arrangement recomputes everything. Conventions (spec §1.4 marks them [M]; see README):
 * - the start day is not counted; the due date is the N-th working day after it (条例 Art. 33);
 * - a pause (consultation, fee) starting on day a and ending on day b excludes the days after a up to and
 *   including b: the day a letter goes out still counts, counting resumes the day after the answer arrives
 *   (Art. 33 ¶3 "征求第三方和其他机关意见所需时间不计算在前款规定的期限内");
 * - a clarification restarts the whole period from the day the corrected application is received (Art. 30);
 * - a step taken after its own deadline moves nothing, and every pause has a computed end (clock-steps.ts).
 */
import { DomainError } from '../platform/errors.js';
import { type IsoDate, dayNumber, isoDateOf } from './dates.js';
import {
  type Explanation,
  type ExplanationStep,
  type PauseReason,
  type StopReason,
  dayStepsN,
} from './explain.js';
import { toLegalDay } from './legal-day.js';
import {
  type ClockRule,
  type ReceiptChannel,
  type ReceiptEvent,
  CLARIFICATION_NOTICE,
  DEFAULT_DELIVERY_MARGIN_DAYS,
  RECEIPT_CHANNELS,
  REQUEST_REPLY,
  messageReplyRule,
} from './rules.js';
import { type DayEvent, type Pause, type Steps, applySteps, overrunFindings } from './clock-steps.js';
import type { WorkCalendar } from './work-calendar.js';

type ConsultedParty = 'third_party' | 'co_maker' | 'other_agency';

/** `at` is a legal day (`YYYY-MM-DD`) or an ISO-8601 instant, converted to its day in China Standard Time. */
export type ClockEvent =
  | { type: ReceiptEvent | 'started'; at: string }
  | { type: 'clarification_requested' | 'clarification_received'; at: string }
  | { type: 'consultation_started' | 'consultation_ended'; at: string; party: ConsultedParty; ref?: string }
  | { type: 'fee_notice_sent' | 'fee_paid'; at: string }
  | { type: 'extended'; at: string; days: number }
  | { type: 'reply_delayed'; at: string; replyBy: IsoDate }
  | { type: StopReason; at: string };

interface ClockInput {
  rule: ClockRule;
  /** How the application arrived (条例 Art. 31); without it the clock starts at a `started` event. */
  channel?: ReceiptChannel;
  events: readonly ClockEvent[];
  /** Today (legal day or instant). */
  asOf: string;
  /** Working days a posted letter is presumed to travel: bounds the pauses (the agency's setting). */
  deliveryMarginDays?: number;
}

type ClockStatus = 'not_started' | 'running' | 'paused' | 'awaiting_clarification' | 'stopped';

/** What the clock saw and the case page shows: a step taken after its own deadline, a pause run over, an anomaly. */
export interface ClockFinding {
  code:
    | 'clarification_late'
    | 'extension_late'
    | 'delay_late'
    | 'consultation_late'
    | 'fee_notice_late'
    | 'consultation_overrun'
    | 'fee_payment_overrun'
    | 'stopped_before_start';
  /** The day of the step or event the finding is about. */
  on: IsoDate;
  message: string;
}

export interface Clock {
  rule: string;
  status: ClockStatus;
  receivedOn: IsoDate | null;
  /** The day counting starts from (receipt, or receipt of the corrected application). */
  startedOn: IsoDate | null;
  /** Null while the clock is paused before reaching its end, or has not started. */
  dueDate: IsoDate | null;
  periodDays: number;
  extensionDays: number;
  daysUsed: number;
  daysLeft: number;
  daysOverdue: number;
  paused: boolean;
  overdue: boolean;
  /** The computation touches a year whose holiday arrangement is not loaded. */
  provisional: boolean;
  stoppedOn: IsoDate | null;
  findings: ClockFinding[];
}

interface Evaluated {
  clock: Clock;
  receipt: number | null;
  start: number | null;
  clarificationOn: number | null;
  due: number | null;
  asOf: number;
  stop: number | null;
  stopReason: StopReason | null;
  pauses: Pause[];
  days: DayEvent[];
  /** The steps that count (late ones do not). */
  accepted: Set<ClockEvent>;
}

const refuse = (code: string, message: string) => new DomainError(code, message);

function merge(pauses: readonly Pause[], start: number): Array<{ a: number; b: number }> {
  const out: Array<{ a: number; b: number }> = [];
  const sorted = pauses
    .filter((p) => p.b > start)
    .map((p) => ({ a: Math.max(p.a, start), b: p.b }))
    .sort((x, y) => x.a - y.a);
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.a <= last.b) last.b = Math.max(last.b, p.b);
    else out.push({ ...p });
  }
  return out;
}

/** Working days in (from, to] that fall outside every pause. */
function countedBetween(
  cal: WorkCalendar,
  from: number,
  to: number,
  merged: Array<{ a: number; b: number }>,
): number {
  if (to <= from) return 0;
  let used = cal.betweenN(from, to);
  for (const p of merged) {
    const lo = Math.max(p.a, from);
    const hi = Math.min(p.b, to);
    if (hi > lo) used -= cal.betweenN(lo, hi);
  }
  return used;
}

/** The day `total` counted working days after `start`, skipping the pauses; null behind an open-ended pause. */
function dueAfter(
  cal: WorkCalendar,
  start: number,
  total: number,
  merged: Array<{ a: number; b: number }>,
): number | null {
  let cursor = start;
  let remaining = total;
  for (const p of merged) {
    if (p.b <= cursor) continue;
    const avail = cal.betweenN(cursor, Math.max(p.a, cursor));
    if (remaining <= avail) return cal.addN(cursor, remaining);
    remaining -= avail;
    if (p.b === Infinity) return null;
    cursor = p.b;
  }
  return cal.addN(cursor, remaining);
}

/** The due date the steps accepted so far give. */
function dueOf(cal: WorkCalendar, rule: ClockRule, start: number, steps: Steps): number | null {
  if (steps.delayedTo !== null) return steps.delayedTo;
  return dueAfter(cal, start, rule.periodDays + steps.extension, merge(steps.pauses, start));
}

function emptyClock(rule: ClockRule, findings: ClockFinding[]): Clock {
  return {
    rule: rule.id,
    status: 'not_started',
    receivedOn: null,
    startedOn: null,
    dueDate: null,
    periodDays: rule.periodDays,
    extensionDays: 0,
    daysUsed: 0,
    daysLeft: rule.periodDays,
    daysOverdue: 0,
    paused: false,
    overdue: false,
    provisional: false,
    stoppedOn: null,
    findings,
  };
}

/**
 * Art. 30: one clarification notice at most, within 7 working days of receipt; the period restarts on receipt
 * of the corrected application. A late notice is reported and restarts nothing.
 */
function clarificationOf(
  cal: WorkCalendar,
  days: readonly DayEvent[],
  receipt: number,
  findings: ClockFinding[],
): { on: number | null; corrected: number | null } {
  const requests = days.filter((x) => x.e.type === 'clarification_requested');
  if (requests.length > 1) {
    throw refuse(
      'clock.second_clarification',
      '依照《政府信息公开条例》第三十条，补正应当一次性告知，不能再次要求申请人补正。',
    );
  }
  const on = requests[0]?.n ?? null;
  if (on === null) return { on: null, corrected: null };
  const lastDay = cal.addN(receipt, CLARIFICATION_NOTICE.periodDays);
  if (on > lastDay) {
    findings.push({
      code: 'clarification_late',
      on: isoDateOf(on),
      message: `补正告知应当在收到申请之日起${CLARIFICATION_NOTICE.periodDays}个工作日内（${isoDateOf(lastDay)}前）作出（${CLARIFICATION_NOTICE.basis}），本告知于${isoDateOf(on)}作出，已逾期，答复期限不重新计算。`,
    });
    return { on: null, corrected: null };
  }
  return { on, corrected: days.find((x) => x.e.type === 'clarification_received' && x.n >= on)?.n ?? null };
}

const isStop = (e: ClockEvent) => e.type === 'replied' || e.type === 'published' || e.type === 'closed';

function evaluate(cal: WorkCalendar, input: ClockInput): Evaluated {
  const { rule } = input;
  const asOf = dayNumber(toLegalDay(input.asOf));
  const days = input.events.map((e) => ({ n: dayNumber(toLegalDay(e.at)), e })).sort((x, y) => x.n - y.n);
  const receiptType = input.channel ? RECEIPT_CHANNELS[input.channel].receiptEvent : 'started';
  const findings: ClockFinding[] = [];
  const base = emptyClock(rule, findings);
  const none = {
    receipt: null,
    start: null,
    clarificationOn: null,
    due: null,
    asOf,
    stop: null,
    stopReason: null,
    pauses: [],
    days,
    accepted: new Set<ClockEvent>(),
  };

  const receipt = days.find((x) => x.e.type === receiptType)?.n ?? null;
  if (receipt === null) return { clock: base, ...none };
  base.receivedOn = isoDateOf(receipt);
  const early = days.find((x) => isStop(x.e) && x.n < receipt);
  if (early) {
    findings.push({
      code: 'stopped_before_start',
      on: isoDateOf(early.n),
      message: `记录的办结日期（${isoDateOf(early.n)}）早于收到申请之日（${isoDateOf(receipt)}），请核对。`,
    });
  }

  const clarification = clarificationOf(cal, days, receipt, findings);
  if (clarification.on !== null && clarification.corrected === null) {
    const stopped = days.find(
      (x) => (x.e.type === 'closed' || x.e.type === 'replied') && x.n >= clarification.on!,
    );
    return {
      clock: {
        ...base,
        status: stopped ? 'stopped' : 'awaiting_clarification',
        paused: !stopped,
        stoppedOn: stopped ? isoDateOf(stopped.n) : null,
        provisional: cal.provisionalN(receipt, Math.max(asOf, receipt)),
      },
      ...none,
      receipt,
      clarificationOn: clarification.on,
      stop: stopped?.n ?? null,
      stopReason: stopped ? (stopped.e.type as StopReason) : null,
    };
  }
  const start = clarification.corrected ?? receipt;
  base.startedOn = isoDateOf(start);

  const margin = input.deliveryMarginDays ?? DEFAULT_DELIVERY_MARGIN_DAYS;
  const steps = applySteps(cal, rule, days, start, margin, (s) => dueOf(cal, rule, start, s), findings);
  findings.push(...overrunFindings(steps, days, asOf));
  const merged = merge(steps.pauses, start);
  const due = dueOf(cal, rule, start, steps);
  const period = rule.periodDays + steps.extension;

  const stopEvent = days.find((x) => isStop(x.e) && x.n >= receipt);
  const stop = stopEvent?.n ?? null;
  const end = stop ?? asOf;
  const used = countedBetween(cal, start, end, merged);
  const pausedNow = stop === null && merged.some((p) => p.a <= asOf && asOf < p.b);
  const overdue = due !== null && end > due;
  const clock: Clock = {
    ...base,
    status: stop !== null ? 'stopped' : pausedNow ? 'paused' : 'running',
    dueDate: due === null ? null : isoDateOf(due),
    periodDays: period,
    extensionDays: steps.extension,
    daysUsed: used,
    daysLeft: steps.delayedTo !== null ? Math.max(0, cal.betweenN(end, due!)) : Math.max(0, period - used),
    daysOverdue: overdue && due !== null ? cal.betweenN(due, end) : 0,
    paused: pausedNow,
    overdue,
    provisional: cal.provisionalN(start, Math.max(due ?? end, end)),
    stoppedOn: stop === null ? null : isoDateOf(stop),
  };
  return {
    clock,
    receipt,
    start,
    clarificationOn: clarification.on,
    due,
    asOf,
    stop,
    stopReason: stopEvent ? (stopEvent.e.type as StopReason) : null,
    pauses: steps.pauses,
    days,
    accepted: steps.accepted,
  };
}

/** The clock of one case on day `asOf`. Throws a DomainError if the events break a rule (second clarification, extension over the limit). */
export function computeClock(cal: WorkCalendar, input: ClockInput): Clock {
  return evaluate(cal, input).clock;
}

/** The clock plus its explanation, day by day. */
export function explainClock(
  cal: WorkCalendar,
  input: ClockInput,
): { clock: Clock; explanation: Explanation } {
  const ev = evaluate(cal, input);
  const { clock, rule } = { clock: ev.clock, rule: input.rule };
  const steps: ExplanationStep[] = [];
  const title = `${rule.label}（${rule.periodDays}个工作日，${rule.basis}）`;
  if (ev.receipt === null) {
    return {
      clock,
      explanation: { title, steps: [{ kind: 'due', date: null, provisional: false }], provisional: false },
    };
  }
  const receiptBasis = input.channel
    ? `${RECEIPT_CHANNELS[input.channel].label}，${RECEIPT_CHANNELS[input.channel].basis}`
    : rule.basis;
  steps.push({
    kind: 'start',
    date: isoDateOf(ev.receipt),
    reason: input.channel ? 'receipt' : 'started',
    basis: receiptBasis,
  });
  if (ev.clarificationOn !== null) {
    steps.push({
      kind: 'clarification_requested',
      date: isoDateOf(ev.clarificationOn),
      basis: CLARIFICATION_NOTICE.basis,
    });
  }
  const eventsOn = (n: number): ExplanationStep[] => {
    const out: ExplanationStep[] = [];
    for (const p of ev.pauses) {
      if (p.a === n)
        out.push({ kind: 'paused', date: isoDateOf(n), reason: p.reason, basis: pauseBasis(p.reason) });
      if (p.b === n) out.push({ kind: 'resumed', date: isoDateOf(n), reason: p.reason });
    }
    for (const x of ev.days) {
      if (x.n !== n) continue;
      if (!ev.accepted.has(x.e)) continue;
      if (x.e.type === 'extended')
        out.push({ kind: 'extended', date: isoDateOf(n), days: x.e.days, basis: rule.basis });
      if (x.e.type === 'reply_delayed') {
        out.push({
          kind: 'reply_delayed',
          date: isoDateOf(n),
          replyBy: x.e.replyBy,
          basis: '《政府信息公开条例》第三十五条',
        });
      }
    }
    if (ev.stop === n && ev.stopReason)
      out.push({ kind: 'stopped', date: isoDateOf(n), reason: ev.stopReason });
    return out;
  };
  if (ev.start !== null) {
    if (ev.clarificationOn !== null) {
      steps.push({
        kind: 'start',
        date: isoDateOf(ev.start),
        reason: 'clarification_received',
        basis: '《政府信息公开条例》第三十条',
      });
    }
    steps.push(...eventsOn(ev.start));
    const to = Math.min(Math.max(ev.due ?? ev.asOf, ev.stop ?? ev.asOf), ev.start + 1000);
    const reasonOn = (n: number) => ev.pauses.find((p) => p.a < n && n <= p.b && ev.start! < n)?.reason;
    steps.push(...dayStepsN(cal, ev.start, to, reasonOn, 1, eventsOn));
  }
  steps.push({ kind: 'due', date: clock.dueDate, provisional: clock.provisional });
  return { clock, explanation: { title, steps, provisional: clock.provisional } };
}

function pauseBasis(reason: PauseReason): string {
  switch (reason) {
    case 'third_party':
      return '《政府信息公开条例》第三十二条、第三十三条第三款';
    case 'co_maker':
      return '《政府信息公开条例》第三十四条、第三十三条第三款';
    case 'other_agency':
      return '《政府信息公开条例》第三十三条第三款';
    case 'fee':
      return '国办函〔2020〕109号';
  }
}

/** Reply to a disclosure application (条例 Art. 31, 33). */
export function requestReplyClock(cal: WorkCalendar, input: Omit<ClockInput, 'rule'>): Clock {
  return computeClock(cal, { ...input, rule: REQUEST_REPLY });
}

/** A message reply promise of `promiseDays` working days (configured per agency and category). */
export function messageReplyClock(
  cal: WorkCalendar,
  input: { receivedAt: string; repliedAt?: string | null; promiseDays: number; asOf: string },
): Clock {
  const events: ClockEvent[] = [{ type: 'started', at: input.receivedAt }];
  if (input.repliedAt) events.push({ type: 'replied', at: input.repliedAt });
  return computeClock(cal, { rule: messageReplyRule(input.promiseDays), events, asOf: input.asOf });
}
