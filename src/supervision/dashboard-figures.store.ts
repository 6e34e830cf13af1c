/**
 * Queries of the supervisor's dashboard over catalog items, requests and ratings: one grouped query per
 * figure, aggregated in SQL, for all agencies in scope at once. Nothing else.
 */
import { sql } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { Period } from './dashboard.js';

/** `YYYY-MM` of a day column; `substr` is the same on SQLite and PostgreSQL. */
const monthOf = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 7)`;
const num = (x: unknown) => Number(x ?? 0);

interface MonthCount {
  agencyId: string;
  month: string;
  count: number;
  /** Items: published after the Art. 26 deadline. Requests: always 0. */
  late: number;
}

/** 主动公开: items published per agency and month of the period, and how many of them late (Art. 26). */
export async function itemsByMonth(db: Queryable, agencyIds: readonly string[], p: Period) {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('catalog_items')
    .select((eb) => [
      'agency_id',
      monthOf('published_on').as('month'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('late').as('late'),
    ])
    .where('agency_id', 'in', [...agencyIds])
    // As in the annual report's statistics (catalog/statistics/statistics.ts): withdrawn items count nowhere.
    .where('status', '=', 'published')
    .where('published_on', '>=', p.from)
    .where('published_on', '<=', p.to)
    .groupBy(['agency_id', monthOf('published_on')])
    .execute();
  return rows.map((r): MonthCount => ({
    agencyId: r.agency_id,
    month: r.month,
    count: num(r.n),
    late: num(r.late),
  }));
}

/** 依申请公开: applications received per agency and month (Art. 31 receipt day). */
export async function requestsByMonth(db: Queryable, agencyIds: readonly string[], p: Period) {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('request_cases')
    .select((eb) => ['agency_id', monthOf('received_on').as('month'), eb.fn.countAll<number>().as('n')])
    .where('agency_id', 'in', [...agencyIds])
    .where('received_on', '>=', p.from)
    .where('received_on', '<=', p.to)
    .groupBy(['agency_id', monthOf('received_on')])
    .execute();
  return rows.map((r): MonthCount => ({ agencyId: r.agency_id, month: r.month, count: num(r.n), late: 0 }));
}

interface OutcomeCount {
  agencyId: string;
  /** null for the open cases counted as overdue. */
  outcome: string | null;
  /** Ended in the period with this outcome. */
  closed: number;
  /** Of those, ended on or before the stored due date (a case ended while paused has none: on time). */
  onTime: number;
  /** Open now and past the due date. */
  overdue: number;
}

/** 依申请公开: cases ended in the period per agency and outcome, on time or not, plus the open overdue ones. */
export async function requestOutcomes(db: Queryable, agencyIds: readonly string[], p: Period) {
  if (agencyIds.length === 0) return [];
  const ended = sql<boolean>`outcome_on >= ${p.from} and outcome_on <= ${p.to}`;
  const overdue = sql<boolean>`open = 1 and due_date < ${p.today}`;
  const rows = await db
    .selectFrom('request_cases')
    .select((eb) => [
      'agency_id',
      'outcome',
      eb.fn.sum<number>(sql`case when ${ended} then 1 else 0 end`).as('closed'),
      eb.fn
        .sum<number>(
          sql`case when ${ended} and (due_date is null or outcome_on <= due_date) then 1 else 0 end`,
        )
        .as('on_time'),
      eb.fn.sum<number>(sql`case when ${overdue} then 1 else 0 end`).as('overdue'),
    ])
    .where('agency_id', 'in', [...agencyIds])
    .where((eb) =>
      eb.or([
        eb.and([eb('outcome_on', '>=', p.from), eb('outcome_on', '<=', p.to)]),
        eb.and([eb('open', '=', 1), eb('due_date', '<', p.today)]),
      ]),
    )
    .groupBy(['agency_id', 'outcome'])
    .execute();
  return rows.map((r): OutcomeCount => ({
    agencyId: r.agency_id,
    outcome: r.outcome,
    closed: num(r.closed),
    onTime: num(r.on_time),
    overdue: num(r.overdue),
  }));
}

export interface RatingFigure {
  agencyId: string;
  responses: number;
  accuracy: number;
  timeliness: number;
  procedure: number;
  institution: number;
}

/** 社会评议: responses and average scores per agency over the campaigns of the year (both rounds). */
export async function ratingsOfYear(db: Queryable, agencyIds: readonly string[], year: number) {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('rating_responses as r')
    .innerJoin('rating_campaigns as c', 'c.id', 'r.campaign_id')
    .select((eb) => [
      'r.agency_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.avg<number>('r.accuracy').as('accuracy'),
      eb.fn.avg<number>('r.timeliness').as('timeliness'),
      eb.fn.avg<number>('r.procedure').as('procedure'),
      eb.fn.avg<number>('r.institution').as('institution'),
    ])
    .where('c.year', '=', year)
    .where('r.agency_id', 'in', [...agencyIds])
    .groupBy('r.agency_id')
    .execute();
  return rows.map((r): RatingFigure => ({
    agencyId: r.agency_id,
    responses: num(r.n),
    accuracy: num(r.accuracy),
    timeliness: num(r.timeliness),
    procedure: num(r.procedure),
    institution: num(r.institution),
  }));
}

export interface AssessmentFigure {
  agencyId: string;
  score: number;
  grade: string;
}

/** 考核: the year's recorded (or computed) result per agency, best first. */
export async function assessmentsOfYear(db: Queryable, agencyIds: readonly string[], year: number) {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('assessments')
    .select(['agency_id', 'score', 'grade'])
    .where('agency_id', 'in', [...agencyIds])
    .where('year', '=', year)
    .orderBy('score', 'desc')
    .execute();
  return rows.map((r): AssessmentFigure => ({ agencyId: r.agency_id, score: num(r.score), grade: r.grade }));
}
