/**
 * Recomputes the reply-clock due dates of open cases with mixed events (receipt by channel, consultations,
 * fee notices, clarifications, extensions) on the real 2019–2026 arrangements, against a reference loop that
 * only counts weekdays day by day over the same spans. Full scale: 1,000,000 recomputations over 100,000
 * distinct generated cases (each recomputed 10 times, nothing cached); small: 100,000 over 100,000.
 */
import { type Bench, figure } from './bench.js';
import { type ClockEvent, computeClock } from '../src/calendar/clock.js';
import { shippedArrangements } from '../src/calendar/data/shipped.js';
import { dayNumber, daysFromCivil, isoDateOf, weekdayOf } from '../src/calendar/dates.js';
import { REQUEST_REPLY, type ReceiptChannel } from '../src/calendar/rules.js';
import { WorkCalendar } from '../src/calendar/work-calendar.js';

interface Case {
  channel: ReceiptChannel;
  events: ClockEvent[];
  asOf: string;
}

/** Deterministic generator (mulberry32) so every run measures the same cases. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(count: number): Case[] {
  const r = rng(20250120);
  const from = daysFromCivil(2019, 1, 1);
  const span = daysFromCivil(2026, 10, 1) - from;
  const day = (n: number) => isoDateOf(n);
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const receipt = from + Math.floor(r() * span);
    const kind = r();
    const events: ClockEvent[] = [];
    let channel: ReceiptChannel = 'in_person';
    if (kind < 0.4) {
      channel = 'online';
      events.push({ type: 'receipt_confirmed', at: `${day(receipt)}T0${Math.floor(r() * 10)}:15:00Z` });
    } else if (kind < 0.6) {
      channel = 'post_signed';
      events.push({ type: 'signed_for', at: day(receipt) });
    } else events.push({ type: 'submitted', at: day(receipt) });
    const mix = r();
    if (mix < 0.15) {
      events.push({ type: 'clarification_requested', at: day(receipt + 3) });
      events.push({ type: 'clarification_received', at: day(receipt + 10) });
    } else if (mix < 0.35) {
      const a = receipt + 2 + Math.floor(r() * 10);
      events.push({
        type: 'consultation_started',
        at: day(a),
        party: r() < 0.7 ? 'third_party' : 'co_maker',
      });
      events.push({
        type: 'consultation_ended',
        at: day(a + 5 + Math.floor(r() * 20)),
        party: 'third_party',
      });
    } else if (mix < 0.45) {
      events.push({ type: 'fee_notice_sent', at: day(receipt + 5) });
      events.push({ type: 'fee_paid', at: day(receipt + 12) });
    }
    if (r() < 0.2) events.push({ type: 'extended', at: day(receipt + 20), days: 1 + Math.floor(r() * 20) });
    cases.push({ channel, events, asOf: day(receipt + 15) });
  }
  // Consultation ends must match their start's party.
  for (const c of cases) {
    const start = c.events.find((e) => e.type === 'consultation_started');
    const end = c.events.find((e) => e.type === 'consultation_ended');
    if (start && end && 'party' in start && 'party' in end) end.party = start.party;
  }
  return cases;
}

const bench: Bench = {
  name: 'calendar: recompute reply due dates',
  async run({ scale, log }) {
    const distinct = 100_000;
    const total = scale === 'full' ? 1_000_000 : 100_000;
    const cal = new WorkCalendar(shippedArrangements());
    const cases = generate(distinct);
    log(`${distinct} distinct cases, ${total} recomputations`);

    // Spans for the reference: from receipt to the computed due date, in calendar days.
    const spans = new Int32Array(distinct);
    const starts = new Int32Array(distinct);
    for (let i = 0; i < distinct; i++) {
      const c = computeClock(cal, { rule: REQUEST_REPLY, ...cases[i]! });
      starts[i] = dayNumber(c.startedOn!);
      spans[i] = c.dueDate ? dayNumber(c.dueDate) - starts[i]! : 28;
    }

    let sink = 0;
    const t0 = performance.now();
    for (let k = 0; k < total; k++) {
      const c = computeClock(cal, { rule: REQUEST_REPLY, ...cases[k % distinct]! });
      sink += c.dueDate ? c.dueDate.length : 0;
    }
    const ours = performance.now() - t0;

    const t1 = performance.now();
    for (let k = 0; k < total; k++) {
      const i = k % distinct;
      const startText = isoDateOf(starts[i]!); // the reference also parses and formats one date per case
      let n = dayNumber(startText);
      let weekdays = 0;
      for (let d = 0; d < spans[i]!; d++) {
        n++;
        const w = weekdayOf(n);
        if (w !== 0 && w !== 6) weekdays++;
      }
      sink += isoDateOf(n).length + weekdays;
    }
    const reference = performance.now() - t1;
    log(`checksum ${sink}`);

    const rate = total / (ours / 1000);
    const refRate = total / (reference / 1000);
    return [
      figure(
        'clock recomputations',
        rate,
        'cases/s',
        { name: 'weekday-counting loop over the same spans', value: refRate },
        'higher',
        {
          notes: `${total} cases in ${(ours / 1000).toFixed(2)} s; reference ${(reference / 1000).toFixed(2)} s`,
        },
      ),
    ];
  },
};

export default bench;
