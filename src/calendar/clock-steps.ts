/**
 * The steps that move a reply deadline, each with the deadline the law sets for the step itself, and the pauses
 * they open, each with an end the clock can compute. A step taken after its own deadline is kept (it happened)
 * but moves nothing: the case keeps the due date it had, so a late step never hides an overdue case.
 * - 补正告知 within 7 working days of receipt (条例 Art. 30), handled in clock.ts where it moves the start;
 * - 延长答复期限 approved within the reply period (Art. 33 ¶2: "经…负责人同意并告知申请人");
 * - 延迟答复 fixed within the reply period (Art. 35);
 * - 征求意见 (Art. 32–34) and 收费通知 (国办函〔2020〕109号) sent within the reply period;
 * - a consultation pauses for at most the 15 working days the consulted party has (Art. 32 third parties,
 *   Art. 34 co-makers; applied to other agencies too [K]) plus the agency's delivery margin, after which the
 *   clock runs again; a fee notice pauses for at most the 20-working-day payment period plus the margin.
 */
import { DomainError } from '../platform/errors.js';
import { dayNumber, isoDateOf } from './dates.js';
import type { PauseReason } from './explain.js';
import { type ClockRule, CO_MAKER_OPINION, FEE_PAYMENT, THIRD_PARTY_OPINION } from './rules.js';
import type { WorkCalendar } from './work-calendar.js';
import type { ClockEvent, ClockFinding } from './clock.js';

export interface Pause {
  a: number;
  b: number;
  reason: PauseReason;
  /** The pause reached its bound before the answer (or payment) arrived, or none has arrived by then. */
  overrun: boolean;
}

export interface DayEvent {
  n: number;
  e: ClockEvent;
}

export interface Steps {
  pauses: Pause[];
  extension: number;
  delayedTo: number | null;
  /** The events that count; late ones are left out (and reported as findings). */
  accepted: Set<ClockEvent>;
}

const refuse = (code: string, message: string) => new DomainError(code, message);

/** The longest a pause of this kind can last, in working days after it starts (delivery margin included). */
function pauseBound(reason: PauseReason, deliveryMarginDays: number): number {
  const period =
    reason === 'fee'
      ? FEE_PAYMENT.periodDays
      : reason === 'co_maker'
        ? CO_MAKER_OPINION.periodDays
        : THIRD_PARTY_OPINION.periodDays;
  return period + deliveryMarginDays;
}

const keyOf = (e: ClockEvent) =>
  e.type === 'consultation_started' || e.type === 'consultation_ended' ? `${e.party}:${e.ref ?? ''}` : 'fee';

/** Pairs each consultation or fee notice with its answer or payment, in order; throws on an answer without a start. */
function pairPauses(days: readonly DayEvent[]): Map<ClockEvent, number | null> {
  const ends = new Map<ClockEvent, number | null>();
  const open = new Map<string, ClockEvent[]>();
  for (const { n, e } of days) {
    if (e.type === 'consultation_started' || e.type === 'fee_notice_sent') {
      ends.set(e, null);
      open.set(keyOf(e), [...(open.get(keyOf(e)) ?? []), e]);
    } else if (e.type === 'consultation_ended' || e.type === 'fee_paid') {
      const started = open.get(keyOf(e))?.shift();
      if (!started) {
        throw refuse(
          'clock.events_inconsistent',
          e.type === 'fee_paid'
            ? '记录了缴费，但没有对应的收费通知。'
            : '记录了征求意见的回复，但没有对应的征求意见。',
        );
      }
      ends.set(started, n);
    }
  }
  return ends;
}

const STEP_LABEL: Record<string, { code: ClockFinding['code']; label: string; basis: string }> = {
  extended: { code: 'extension_late', label: '延长答复期限', basis: '《政府信息公开条例》第三十三条第二款' },
  reply_delayed: { code: 'delay_late', label: '确定延迟答复期限', basis: '《政府信息公开条例》第三十五条' },
  consultation_started: {
    code: 'consultation_late',
    label: '征求意见',
    basis: '《政府信息公开条例》第三十二条、第三十三条第三款',
  },
  fee_notice_sent: {
    code: 'fee_notice_late',
    label: '发出收费通知',
    basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
  },
};

/** The finding for a step taken after the due date in force on its day. */
function lateStepFinding(type: string, on: number, due: number): ClockFinding {
  const s = STEP_LABEL[type]!;
  return {
    code: s.code,
    on: isoDateOf(on),
    message: `${s.label}应当在答复期限（${isoDateOf(due)}）内作出（${s.basis}），本步骤于${isoDateOf(on)}作出，已逾期，不改变答复期限。`,
  };
}

/**
 * Walks the steps in order; each is checked against the due date in force on its day (`dueWith` computes it
 * from the steps accepted so far) and accepted only if it is not late. Pauses get their computed bound.
 */
export function applySteps(
  cal: WorkCalendar,
  rule: ClockRule,
  days: readonly DayEvent[],
  start: number,
  deliveryMarginDays: number,
  dueWith: (s: Steps) => number | null,
  findings: ClockFinding[],
): Steps {
  const ends = pairPauses(days);
  const steps: Steps = { pauses: [], extension: 0, delayedTo: null, accepted: new Set() };
  for (const { n, e } of days) {
    if (!(e.type in STEP_LABEL)) continue;
    if (e.type === 'extended' && (!Number.isInteger(e.days) || e.days <= 0))
      throw refuse('clock.invalid_extension', '延长的工作日天数应为正整数。');
    const due = n > start ? dueWith(steps) : null;
    if (due !== null && n > due) {
      findings.push(lateStepFinding(e.type, n, due));
      continue;
    }
    steps.accepted.add(e);
    if (e.type === 'extended') {
      steps.extension += e.days;
      if (steps.extension > rule.maxExtensionDays) throw extensionExceeds(rule, steps.extension);
    } else if (e.type === 'reply_delayed') {
      steps.delayedTo = dayNumber(e.replyBy);
    } else if (e.type === 'consultation_started' || e.type === 'fee_notice_sent') {
      const reason: PauseReason = e.type === 'consultation_started' ? e.party : 'fee';
      const bound = cal.addN(n, pauseBound(reason, deliveryMarginDays));
      const end = ends.get(e) ?? null;
      const overrun = end === null ? false : end > bound;
      steps.pauses.push({ a: n, b: end === null ? bound : Math.min(end, bound), reason, overrun });
    }
  }
  return steps;
}

/** Findings for pauses that reached their bound: the consulted party or the payer did not answer in time. */
export function overrunFindings(steps: Steps, days: readonly DayEvent[], asOf: number): ClockFinding[] {
  const out: ClockFinding[] = [];
  for (const p of steps.pauses) {
    const answered = days.some(
      (x) =>
        x.n > p.a &&
        x.n <= p.b &&
        (p.reason === 'fee' ? x.e.type === 'fee_paid' : x.e.type === 'consultation_ended'),
    );
    if (answered && !p.overrun) continue;
    if (!p.overrun && asOf <= p.b) continue;
    out.push(
      p.reason === 'fee'
        ? {
            code: 'fee_payment_overrun',
            on: isoDateOf(p.b),
            message: `缴费期限已于${isoDateOf(p.b)}届满（含邮寄在途期），申请人未缴费的视为放弃申请（国办函〔2020〕109号），答复期限自次日起恢复计算。`,
          }
        : {
            code: 'consultation_overrun',
            on: isoDateOf(p.b),
            message: `被征求意见方未在${THIRD_PARTY_OPINION.periodDays}个工作日（含邮寄在途期至${isoDateOf(p.b)}）内提出意见（《政府信息公开条例》第三十二条），答复期限自次日起恢复计算，由本机关依法决定。`,
          },
    );
  }
  return out;
}

function extensionExceeds(rule: ClockRule, total: number): DomainError {
  return refuse(
    'clock.extension_exceeds',
    rule.maxExtensionDays === 0
      ? `${rule.label}不能延长。`
      : `延长答复期限合计不得超过${rule.maxExtensionDays}个工作日（${rule.basis}），本次合计${total}个工作日。`,
  );
}
