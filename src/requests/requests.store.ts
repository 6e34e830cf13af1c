/** Kysely queries for disclosure requests, nothing else. Takes a Queryable so use cases own the transaction. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { CaseEvent } from './case-clock.js';
import type { RequestAttachmentTable, RequestCaseTable } from './requests.schema.js';

export type CaseRow = Selectable<RequestCaseTable>;
export interface StoredCaseEvent extends CaseEvent {
  id: number;
  at: string;
  actorLabel: string;
}

export type QueueName = 'all' | 'mine' | 'due_soon' | 'overdue' | 'paused';

interface QueueQuery {
  agencyIds: readonly string[];
  queue: QueueName;
  userId?: string;
  /** Today, and the last day counted as "due soon" (today + 5 working days). */
  today: string;
  soon: string;
  limit?: number;
}

export const requestsStore = {
  /** The next number of a per-agency, per-year sequence (registration numbers, notice 文号). */
  async nextNumber(db: Queryable, agencyId: string, year: number, kind: string): Promise<number> {
    const row = await db
      .insertInto('request_counters')
      .values({ agency_id: agencyId, year, kind, last: 1 })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year', 'kind'])
          .doUpdateSet((eb) => ({ last: eb('request_counters.last', '+', 1) })),
      )
      .returning('last')
      .executeTakeFirstOrThrow();
    return Number(row.last);
  },

  async insertCase(db: Queryable, row: Insertable<RequestCaseTable>): Promise<void> {
    await db.insertInto('request_cases').values(row).execute();
  },

  async byId(db: Queryable, id: string): Promise<CaseRow | undefined> {
    return db.selectFrom('request_cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async byTrackingCode(db: Queryable, code: string): Promise<CaseRow | undefined> {
    return db.selectFrom('request_cases').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  },

  /** Updates a case only if it is still in `expectedState` (a concurrent action wins once). */
  async update(
    db: Queryable,
    id: string,
    expectedState: string,
    patch: Updateable<RequestCaseTable>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('request_cases')
      .set(patch)
      .where('id', '=', id)
      .where('state', '=', expectedState)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async events(db: Queryable, caseId: string): Promise<StoredCaseEvent[]> {
    const rows = await db
      .selectFrom('request_case_events')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      day: r.day,
      type: r.type,
      data: JSON.parse(r.data) as Record<string, unknown>,
      actorLabel: r.actor_label,
    }));
  },

  async insertEvent(
    db: Queryable,
    caseId: string,
    e: { at: string; day: string; type: string; data: Record<string, unknown>; actorLabel: string },
  ): Promise<void> {
    await db
      .insertInto('request_case_events')
      .values({
        case_id: caseId,
        at: e.at,
        day: e.day,
        type: e.type,
        data: JSON.stringify(e.data),
        actor_label: e.actorLabel,
      })
      .execute();
  },

  /** A work queue, most urgent first. Uses the stored due date, so "overdue" is an indexed range query. */
  async queue(db: Queryable, q: QueueQuery): Promise<CaseRow[]> {
    if (q.agencyIds.length === 0) return [];
    let s = db
      .selectFrom('request_cases')
      .selectAll()
      .where('agency_id', 'in', [...q.agencyIds])
      .where('open', '=', 1);
    if (q.queue === 'mine') s = s.where('assignee_id', '=', q.userId ?? '');
    if (q.queue === 'overdue') s = s.where('due_date', '<', q.today);
    if (q.queue === 'due_soon') s = s.where('due_date', '>=', q.today).where('due_date', '<=', q.soon);
    if (q.queue === 'paused') s = s.where('paused', '=', 1);
    return s
      .orderBy('due_date')
      .orderBy('received_on')
      .limit(q.limit ?? 100)
      .execute();
  },

  /** The cases that may count in an agency's table 三 for `year`: received by 31 Dec, not ended before 1 Jan. */
  async forYear(db: Queryable, agencyId: string, year: number) {
    return db
      .selectFrom('request_cases')
      .select(['id', 'applicant_kind', 'received_on', 'outcome', 'outcome_on'])
      .where('agency_id', '=', agencyId)
      .where('received_on', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('outcome_on', 'is', null), eb('outcome_on', '>=', `${year}-01-01`)]))
      .execute();
  },

  /**
   * This application's place among one applicant's applications to the agency in its calendar month, in
   * order of receipt then registration (109号 per-item counting; split cases count as separate 件, Art. 4).
   */
  async ordinalInMonth(
    db: Queryable,
    c: Pick<CaseRow, 'agency_id' | 'applicant_index' | 'received_on' | 'reg_no'>,
  ) {
    const r = await db
      .selectFrom('request_cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', c.agency_id)
      .where('applicant_index', '=', c.applicant_index)
      .where('received_on', '>=', `${c.received_on.slice(0, 7)}-01`)
      .where((eb) =>
        eb.or([
          eb('received_on', '<', c.received_on),
          eb.and([eb('received_on', '=', c.received_on), eb('reg_no', '<=', c.reg_no)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Open cases of an agency received on or before `day` (the due-date recomputer's candidates). */
  async openReceivedBy(db: Queryable, agencyId: string, day: string): Promise<CaseRow[]> {
    return db
      .selectFrom('request_cases')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('open', '=', 1)
      .where('received_on', '<=', day)
      .execute();
  },

  /** The clock's results for an open case: due date, whether paused now, its findings (JSON). */
  async setClock(
    db: Queryable,
    id: string,
    clock: { dueDate: string | null; paused: number; findings: string },
    at: string,
  ): Promise<void> {
    await db
      .updateTable('request_cases')
      .set({ due_date: clock.dueDate, paused: clock.paused, clock_findings: clock.findings, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  async insertAttachment(db: Queryable, row: Insertable<RequestAttachmentTable>): Promise<void> {
    await db.insertInto('request_attachments').values(row).execute();
  },

  async attachments(db: Queryable, caseId: string) {
    return db
      .selectFrom('request_attachments')
      .select(['id', 'kind', 'filename', 'content_type', 'size', 'created_at'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
  },

  async attachment(db: Queryable, caseId: string, id: string) {
    return db
      .selectFrom('request_attachments')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
  /** How many submissions of the public form came from one source (its blind index) since an instant. */
  async formSubmissionsSince(db: Queryable, sourceIndex: string, since: string): Promise<number> {
    const row = await db
      .selectFrom('request_form_sources')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_index', '=', sourceIndex)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** Records one submission of the public form from a source, dropping the records older than `keepSince`. */
  async recordFormSubmission(
    db: Queryable,
    row: { id: string; sourceIndex: string; at: string },
    keepSince: string,
  ): Promise<void> {
    await db.deleteFrom('request_form_sources').where('at', '<', keepSince).execute();
    await db
      .insertInto('request_form_sources')
      .values({ id: row.id, source_index: row.sourceIndex, at: row.at })
      .execute();
  },
  /** Some case of an agency handled in a year (received by its end, not closed before it), if any. */
  async anyHandledIn(db: Queryable, agencyId: string, year: number) {
    return db
      .selectFrom('request_cases')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('received_on', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('outcome_on', 'is', null), eb('outcome_on', '>=', `${year}-01-01`)]))
      .limit(1)
      .executeTakeFirst();
  },
  /** Cases of an agency whose fee was paid in a year, with their fee assessment. */
  async feesPaidIn(db: Queryable, agencyId: string, year: number) {
    return db
      .selectFrom('request_case_events as e')
      .innerJoin('request_cases as c', 'c.id', 'e.case_id')
      .select(['c.id', 'c.fee'])
      .where('c.agency_id', '=', agencyId)
      .where('e.type', '=', 'fee_paid')
      .where('e.day', '>=', `${year}-01-01`)
      .where('e.day', '<=', `${year}-12-31`)
      .execute();
  },
  /** Open, running cases due by `soon`, with the assigned handler's e-mail (for the reminder job). */
  async reminderCandidates(db: Queryable, soon: string) {
    return db
      .selectFrom('request_cases')
      .leftJoin('users', 'users.id', 'request_cases.assignee_id')
      .select([
        'request_cases.id',
        'request_cases.agency_id',
        'request_cases.year',
        'request_cases.reg_no',
        'request_cases.info_title',
        'request_cases.due_date',
        'request_cases.open',
        'request_cases.paused',
        'request_cases.reminder_key',
        'users.email as assignee_email',
      ])
      .where('request_cases.open', '=', 1)
      .where('request_cases.paused', '=', 0)
      .where('request_cases.due_date', '<=', soon)
      .execute();
  },
  /** Records which reminder of a case was sent. */
  async setReminderKey(db: Queryable, id: string, key: string): Promise<void> {
    await db.updateTable('request_cases').set({ reminder_key: key }).where('id', '=', id).execute();
  },
  /** Open cases of agencies overdue on `today`, and due from `today` to `soon`. */
  async dueCounts(db: Queryable, agencyIds: readonly string[], today: string, soon: string) {
    return db
      .selectFrom('request_cases')
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when('due_date', '<', today).then(1).else(0).end()).as('overdue'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('due_date', '>=', today), eb('due_date', '<=', soon)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('soon'),
      ])
      .where('agency_id', 'in', agencyIds)
      .where('open', '=', 1)
      .executeTakeFirst();
  },
  /** Up to 200 cases of the same applicant at the same agency received before `c` and since `since`, newest first. */
  async earlierCasesOfApplicant(
    db: Queryable,
    c: Pick<CaseRow, 'id' | 'agency_id' | 'applicant_index' | 'received_on' | 'reg_no'>,
    since: string,
  ) {
    return (
      db
        .selectFrom('request_cases')
        .select([
          'id',
          'year',
          'reg_no',
          'received_on',
          'info_title',
          'info_doc_no',
          'info_description',
          'state',
          'outcome',
          'outcome_on',
        ])
        .where('applicant_index', '=', c.applicant_index)
        .where('agency_id', '=', c.agency_id)
        .where('id', '!=', c.id)
        .where('received_on', '>=', since)
        // Earlier: received before, or the same day and registered before (as ordinalInMonth orders them).
        .where((eb) =>
          eb.or([
            eb('received_on', '<', c.received_on),
            eb.and([eb('received_on', '=', c.received_on), eb('reg_no', '<', c.reg_no)]),
          ]),
        )
        .orderBy('received_on', 'desc')
        .limit(200)
        .execute()
    );
  },
};
