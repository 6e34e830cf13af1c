/**
 * The reply clock of a case from its stored events (pure). The calendar's engine does the counting; this file
 * only says which case events are clock events. A reopening (重新答复 ordered by a reconsideration body or a
 * court) starts a fresh 20-working-day clock from the day of the order's receipt: events before it no longer count.
 */
import { explainClock, requestReplyClock, type Clock, type ClockEvent } from '../calendar/clock.js';
import type { Explanation } from '../calendar/explain.js';
import { REQUEST_REPLY, type ReceiptChannel } from '../calendar/rules.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { CaseFacts, CaseState } from './workflow.js';

export interface CaseEvent {
  type: string;
  /** Legal day the event takes effect. */
  day: string;
  data: Record<string, unknown>;
}

const CLOCK_TYPES = new Set([
  'submitted',
  'signed_for',
  'receipt_confirmed',
  'clarification_requested',
  'clarification_received',
  'consultation_started',
  'consultation_ended',
  'fee_notice_sent',
  'fee_paid',
  'extended',
  'reply_delayed',
  'replied',
  'closed',
]);

/** Events since the last reopening; whether there was one. */
function currentRound(events: readonly CaseEvent[]): { events: readonly CaseEvent[]; reopened: boolean } {
  let last = -1;
  events.forEach((e, i) => {
    if (e.type === 'reopened') last = i;
  });
  return last < 0 ? { events, reopened: false } : { events: events.slice(last), reopened: true };
}

function clockEventsOf(events: readonly CaseEvent[]): {
  channel?: ReceiptChannel;
  events: ClockEvent[];
} {
  const round = currentRound(events);
  const out: ClockEvent[] = [];
  for (const e of round.events) {
    if (e.type === 'reopened') out.push({ type: 'started', at: e.day });
    if (!CLOCK_TYPES.has(e.type)) continue;
    const d = e.data;
    switch (e.type) {
      case 'consultation_started':
      case 'consultation_ended':
        out.push({
          type: e.type,
          at: e.day,
          party: d.party as 'third_party' | 'co_maker' | 'other_agency',
          ref: typeof d.ref === 'string' ? d.ref : '',
        });
        break;
      case 'extended':
        out.push({ type: 'extended', at: e.day, days: Number(d.days) });
        break;
      case 'reply_delayed':
        out.push({ type: 'reply_delayed', at: e.day, replyBy: String(d.replyBy) });
        break;
      default:
        out.push({ type: e.type as 'replied', at: e.day });
    }
  }
  const channel = round.reopened ? undefined : (events[0]?.data.channel as ReceiptChannel | undefined);
  return channel ? { channel, events: out } : { events: out };
}

/** `deliveryMarginDays`: the agency's setting (Agency.deliveryMarginDays), which bounds the pauses. */
export function caseClock(
  cal: WorkCalendar,
  events: readonly CaseEvent[],
  asOf: string,
  deliveryMarginDays?: number,
): Clock {
  return requestReplyClock(cal, { ...clockEventsOf(events), asOf, deliveryMarginDays });
}

export function explainCaseClock(
  cal: WorkCalendar,
  events: readonly CaseEvent[],
  asOf: string,
  deliveryMarginDays?: number,
): { clock: Clock; explanation: Explanation } {
  return explainClock(cal, { rule: REQUEST_REPLY, ...clockEventsOf(events), asOf, deliveryMarginDays });
}
/** What the workflow's guards need, counted from the events of the current round. */
export function caseFacts(state: CaseState, events: readonly CaseEvent[]): CaseFacts {
  const round = currentRound(events).events;
  const count = (t: string) => round.filter((e) => e.type === t).length;
  return {
    state,
    clarifications: count('clarification_requested'),
    feeNotices: count('fee_notice_sent'),
    openConsultations: count('consultation_started') - count('consultation_ended'),
  };
}
