/**
 * The records behind the dashboard's figures for one agency (the drill-down's last step): items published
 * late, requests ended late or overdue now. Overdue messages come from `messageAlarms`. Nothing else.
 */
import type { Queryable } from '../platform/db/database.js';
import type { Period } from './dashboard.js';

export const RECORD_LIMIT = 500;

export interface LateItem {
  id: string;
  title: string;
  indexNo: string | null;
  writtenOn: string | null;
  publishedOn: string;
  spanWorkdays: number | null;
}

/** Items of the agency published in the period after their Art. 26 deadline, latest first. */
export async function lateItems(db: Queryable, agencyId: string, p: Period): Promise<LateItem[]> {
  const rows = await db
    .selectFrom('catalog_items')
    .select(['id', 'title', 'index_no', 'written_on', 'published_on', 'span_workdays'])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('published_on', '>=', p.from)
    .where('published_on', '<=', p.to)
    .where('late', '=', 1)
    .orderBy('published_on', 'desc')
    .limit(RECORD_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    indexNo: r.index_no,
    writtenOn: r.written_on,
    publishedOn: r.published_on ?? '',
    spanWorkdays: r.span_workdays,
  }));
}

export interface LateRequest {
  id: string;
  trackingCode: string;
  year: number;
  regNo: number;
  title: string;
  receivedOn: string;
  dueOn: string | null;
  outcome: string | null;
  outcomeOn: string | null;
  /** Still open and past its due date (else: ended after it). */
  open: boolean;
}

/** Requests of the agency ended late in the period, and open ones past their due date, oldest first. */
export async function lateRequests(db: Queryable, agencyId: string, p: Period): Promise<LateRequest[]> {
  const rows = await db
    .selectFrom('request_cases')
    .select([
      'id',
      'tracking_code',
      'year',
      'reg_no',
      'info_title',
      'received_on',
      'due_date',
      'outcome',
      'outcome_on',
      'open',
    ])
    .where('agency_id', '=', agencyId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('outcome_on', '>=', p.from),
          eb('outcome_on', '<=', p.to),
          eb('outcome_on', '>', eb.ref('due_date')),
        ]),
        eb.and([eb('open', '=', 1), eb('due_date', '<', p.today)]),
      ]),
    )
    .orderBy('received_on')
    .limit(RECORD_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trackingCode: r.tracking_code,
    year: Number(r.year),
    regNo: Number(r.reg_no),
    title: r.info_title,
    receivedOn: r.received_on,
    dueOn: r.due_date,
    outcome: r.outcome,
    outcomeOn: r.outcome_on,
    open: Number(r.open) === 1,
  }));
}
