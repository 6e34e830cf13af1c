/**
 * The supervisor's dashboard data for the agencies in scope and a year: items published per month (主动公开,
 * Art. 26 timeliness), requests per month and their outcomes by table 三 heading (依申请公开), on-time rates of
 * items, requests and messages, public ratings (社会评议), the assessment league table (考核), and the messages
 * overdue or open for more than 3 months (portal-standards §7 V4, a critical alarm). One grouped query per
 * figure; the shaping below is in memory over at most agencies × 12 rows.
 *
 * Extension point: another capability adds a `TimelinessSource` to `timelinessSources` and the dashboard
 * shows its on-time rate per agency.
 */
import type { Queryable } from '../platform/db/database.js';
import {
  messageAlarms,
  messageTimeliness,
  type Alarm,
  type MessageTimelinessRow,
} from './dashboard.store.js';
import {
  assessmentsOfYear,
  itemsByMonth,
  ratingsOfYear,
  requestOutcomes,
  requestsByMonth,
  type AssessmentFigure,
  type RatingFigure,
} from './dashboard-figures.store.js';
import { outcomeGroupOf, outcomeGroups } from './outcome-groups.js';
import { gradeLabel, type Grade } from './accountability.js';

/** A grade's Chinese label; a code we do not know (e.g. from a configured scorecard) is shown as stored. */
export const gradeText = (g: string) => gradeLabel[g as Grade] ?? g;

export { messageAlarms, messageTimeliness, type Alarm, type MessageTimelinessRow };

export interface Timeliness {
  /** Cases closed in the period, and how many of those within their deadline. */
  closed: number;
  onTime: number;
  /** Open now and past the deadline. */
  overdue: number;
}

interface TimelinessSource {
  key: string;
  label: string;
  load: (db: Queryable, agencyIds: readonly string[], period: Period) => Promise<Map<string, Timeliness>>;
}

/** Other capabilities may register further sources here. */
const timelinessSources: TimelinessSource[] = [];

export interface Period {
  /** First and last day counted (the last is today for the current year). */
  from: string;
  to: string;
  today: string;
}

export interface DashboardRow {
  agencyId: string;
  name: string;
  messages: MessageTimelinessRow;
  /** Messages replied on time / replied, or null when nothing was replied. */
  onTimeRate: number | null;
  /** Items published in the period, and how many after the Art. 26 deadline. */
  items: { published: number; late: number };
  /** Requests received and ended in the period, ended on time, open and overdue now. */
  requests: { received: number; closed: number; onTime: number; overdue: number };
  rates: { items: number | null; requests: number | null; messages: number | null };
  /** Averages of the year's campaign responses, with their plain mean `overall` (1–5). */
  rating: (RatingFigure & { overall: number }) | null;
  assessment: AssessmentFigure | null;
  others: Record<string, Timeliness>;
}

interface MonthFigure {
  /** `YYYY-MM`. */
  month: string;
  items: number;
  itemsLate: number;
  requests: number;
}

export interface Dashboard {
  rows: DashboardRow[];
  alarms: Alarm[];
  sources: Array<{ key: string; label: string }>;
  months: MonthFigure[];
  /** Requests ended in the period per table 三 heading, in the form's order. */
  outcomes: Array<{ id: string; label: string; count: number }>;
  /** Agencies with a recorded assessment, best score first, with their rank (ties share it). */
  league: Array<{ rank: number; agencyId: string; name: string; score: number; grade: string }>;
}

const rate = (part: number, whole: number) => (whole ? part / whole : null);

/** Every month of the period, `YYYY-MM`. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = p.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return out;
    out.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
}

export async function supervisionDashboard(
  db: Queryable,
  agencies: ReadonlyArray<{ id: string; name: string }>,
  p: Period,
): Promise<Dashboard> {
  const ids = agencies.map((a) => a.id);
  const year = Number(p.from.slice(0, 4));
  const [messages, alarms, items, requests, outcomes, ratings, assessments, ...others] = await Promise.all([
    messageTimeliness(db, ids, p),
    messageAlarms(db, ids, p.today),
    itemsByMonth(db, ids, p),
    requestsByMonth(db, ids, p),
    requestOutcomes(db, ids, p),
    ratingsOfYear(db, ids, year),
    assessmentsOfYear(db, ids, year),
    ...timelinessSources.map((s) => s.load(db, ids, p)),
  ]);

  const months = new Map(monthsOf(p).map((month) => [month, { month, items: 0, itemsLate: 0, requests: 0 }]));
  const perAgency = new Map(
    ids.map((id) => [
      id,
      { items: { published: 0, late: 0 }, requests: { received: 0, closed: 0, onTime: 0, overdue: 0 } },
    ]),
  );
  for (const r of items) {
    const a = perAgency.get(r.agencyId)!;
    a.items.published += r.count;
    a.items.late += r.late;
    const m = months.get(r.month);
    if (m) [m.items, m.itemsLate] = [m.items + r.count, m.itemsLate + r.late];
  }
  for (const r of requests) {
    perAgency.get(r.agencyId)!.requests.received += r.count;
    const m = months.get(r.month);
    if (m) m.requests += r.count;
  }
  const byGroup = new Map(outcomeGroups.map((g) => [g.id, 0]));
  for (const r of outcomes) {
    const a = perAgency.get(r.agencyId)!.requests;
    a.closed += r.closed;
    a.onTime += r.onTime;
    a.overdue += r.overdue;
    const g = r.outcome ? outcomeGroupOf(r.outcome) : undefined;
    if (g) byGroup.set(g.id, byGroup.get(g.id)! + r.closed);
  }
  const rating = new Map(ratings.map((r) => [r.agencyId, r]));
  const assessment = new Map(assessments.map((a) => [a.agencyId, a]));
  const emptyMessages = (agencyId: string): MessageTimelinessRow => ({
    agencyId,
    received: 0,
    closed: 0,
    onTime: 0,
    overdue: 0,
    critical: 0,
  });
  const rows = agencies.map((a): DashboardRow => {
    const m = messages.get(a.id) ?? emptyMessages(a.id);
    const f = perAgency.get(a.id)!;
    const r = rating.get(a.id);
    return {
      agencyId: a.id,
      name: a.name,
      messages: m,
      onTimeRate: rate(m.onTime, m.closed),
      items: f.items,
      requests: f.requests,
      rates: {
        items: rate(f.items.published - f.items.late, f.items.published),
        requests: rate(f.requests.onTime, f.requests.closed),
        messages: rate(m.onTime, m.closed),
      },
      rating: r ? { ...r, overall: (r.accuracy + r.timeliness + r.procedure + r.institution) / 4 } : null,
      assessment: assessment.get(a.id) ?? null,
      others: Object.fromEntries(
        timelinessSources.map((s, i) => [
          s.key,
          others[i]!.get(a.id) ?? { closed: 0, onTime: 0, overdue: 0 },
        ]),
      ),
    };
  });
  const name = new Map(agencies.map((a) => [a.id, a.name]));
  let rank = 0;
  const league = assessments.map((a, i) => {
    if (i === 0 || a.score < assessments[i - 1]!.score) rank = i + 1;
    return { rank, agencyId: a.agencyId, name: name.get(a.agencyId) ?? '', score: a.score, grade: a.grade };
  });
  return {
    rows,
    alarms,
    sources: timelinessSources.map(({ key, label }) => ({ key, label })),
    months: [...months.values()],
    outcomes: outcomeGroups.map((g) => ({ ...g, count: byGroup.get(g.id)! })),
    league,
  };
}
