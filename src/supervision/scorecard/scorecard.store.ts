/** Kysely queries of the scorecard: its configuration, manual scores, results, and the figures it reads. */
import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import { openStatuses } from '../../interaction/message.js';
import type {
  ScorecardManualScoreTable,
  ScorecardMeasureTable,
  ScorecardResultTable,
  ScorecardTable,
} from './scorecard.schema.js';

type ScorecardRow = Selectable<ScorecardTable>;
type MeasureRow = Selectable<ScorecardMeasureTable>;
type ManualRow = Selectable<ScorecardManualScoreTable>;
type ResultRow = Selectable<ScorecardResultTable>;

const OPEN_MESSAGES = [...openStatuses];

export const scorecardStore = {
  async byOfficeYear(db: Queryable, officeId: string, year: number): Promise<ScorecardRow | undefined> {
    return db
      .selectFrom('scorecards')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('year', '=', year)
      .executeTakeFirst();
  },

  async ofYear(db: Queryable, year: number): Promise<ScorecardRow[]> {
    return db.selectFrom('scorecards').selectAll().where('year', '=', year).orderBy('office_id').execute();
  },

  async insert(db: Queryable, row: Insertable<ScorecardTable>): Promise<void> {
    await db.insertInto('scorecards').values(row).execute();
  },

  async touch(db: Queryable, id: string, patch: Partial<Insertable<ScorecardTable>>): Promise<void> {
    await db.updateTable('scorecards').set(patch).where('id', '=', id).execute();
  },

  async measures(db: Queryable, scorecardId: string): Promise<MeasureRow[]> {
    return db
      .selectFrom('scorecard_measures')
      .selectAll()
      .where('scorecard_id', '=', scorecardId)
      .orderBy('sort_order')
      .execute();
  },

  async replaceMeasures(db: Queryable, scorecardId: string, rows: Insertable<ScorecardMeasureTable>[]) {
    await db.deleteFrom('scorecard_measures').where('scorecard_id', '=', scorecardId).execute();
    if (rows.length) await db.insertInto('scorecard_measures').values(rows).execute();
  },

  async upsertManual(db: Queryable, row: Insertable<ScorecardManualScoreTable>): Promise<void> {
    await db
      .insertInto('scorecard_manual_scores')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['scorecard_id', 'agency_id', 'code']).doUpdateSet({
          points: row.points,
          note: row.note,
          evidence_name: row.evidence_name,
          evidence_type: row.evidence_type,
          evidence: row.evidence,
          entered_by: row.entered_by,
          entered_at: row.entered_at,
        }),
      )
      .execute();
  },

  async manualScores(db: Queryable, scorecardId: string): Promise<Omit<ManualRow, 'evidence'>[]> {
    return db
      .selectFrom('scorecard_manual_scores')
      .select([
        'scorecard_id',
        'agency_id',
        'code',
        'points',
        'note',
        'evidence_name',
        'evidence_type',
        'entered_by',
        'entered_at',
      ])
      .where('scorecard_id', '=', scorecardId)
      .execute();
  },

  async evidence(db: Queryable, scorecardId: string, agencyId: string, code: string) {
    return db
      .selectFrom('scorecard_manual_scores')
      .select(['evidence_name', 'evidence_type', 'evidence'])
      .where('scorecard_id', '=', scorecardId)
      .where('agency_id', '=', agencyId)
      .where('code', '=', code)
      .executeTakeFirst();
  },

  async replaceResults(db: Queryable, scorecardId: string, rows: Insertable<ScorecardResultTable>[]) {
    await db.deleteFrom('scorecard_results').where('scorecard_id', '=', scorecardId).execute();
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('scorecard_results')
        .values(rows.slice(i, i + 200))
        .execute();
  },

  async results(db: Queryable, scorecardId: string): Promise<ResultRow[]> {
    return db.selectFrom('scorecard_results').selectAll().where('scorecard_id', '=', scorecardId).execute();
  },

  // —— figures the computed measures read ——

  /** Items published in [from, to] (withdrawn items do not count). */
  async publishedItems(db: Queryable, agencyIds: readonly string[], from: string, to: string) {
    if (!agencyIds.length) return [];
    return db
      .selectFrom('catalog_items')
      .select(['agency_id', 'written_on', 'published_on'])
      .where('agency_id', 'in', [...agencyIds])
      .where('status', '=', 'published')
      .where('published_on', '>=', from)
      .where('published_on', '<=', to)
      .execute();
  },

  /** Leaf columns (no child column) other than the generated guide, with the last publication day up to `to`. */
  async columnsFreshness(db: Queryable, agencyIds: readonly string[], to: string) {
    if (!agencyIds.length) return [];
    return db
      .selectFrom('catalog_columns as c')
      .leftJoin('catalog_items as i', (j) =>
        j.onRef('i.column_id', '=', 'c.id').on('i.status', '=', 'published').on('i.published_on', '<=', to),
      )
      .select((eb) => ['c.agency_id', 'c.id', 'c.name', eb.fn.max('i.published_on').as('last')])
      .where('c.agency_id', 'in', [...agencyIds])
      .where('c.kind', '!=', 'guide')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('catalog_columns as k').select('k.id').whereRef('k.parent_id', '=', 'c.id'),
          ),
        ),
      )
      .groupBy(['c.agency_id', 'c.id', 'c.name'])
      .execute();
  },

  /** Cases answered since `from` (answered after `to` means open on `to`) or still open. */
  async requestCases(db: Queryable, agencyIds: readonly string[], from: string, to: string) {
    if (!agencyIds.length) return [];
    return db
      .selectFrom('request_cases')
      .select(['agency_id', 'due_date', 'outcome_on', 'open'])
      .where('agency_id', 'in', [...agencyIds])
      .where('received_on', '<=', to)
      .where((eb) => eb.or([eb('open', '=', 1), eb('outcome_on', '>=', from)]))
      .execute();
  },

  /** Messages handled by the agencies: closed since `from` or still open. */
  async messages(db: Queryable, agencyIds: readonly string[], from: string, to: string) {
    if (!agencyIds.length) return [];
    return db
      .selectFrom('messages')
      .select(['handling_agency_id', 'status', 'closed_on', 'due_on'])
      .where('handling_agency_id', 'in', [...agencyIds])
      .where('received_on', '<=', to)
      .where((eb) => eb.or([eb('status', 'in', OPEN_MESSAGES), eb('closed_on', '>=', from)]))
      .execute();
  },

  /** The published versions of the agencies' reports for `year`, oldest first. */
  async reportVersions(db: Queryable, agencyIds: readonly string[], year: number) {
    if (!agencyIds.length) return [];
    return db
      .selectFrom('annual_report_versions')
      .select(['agency_id', 'version', 'published_on', 'snapshot'])
      .where('agency_id', 'in', [...agencyIds])
      .where('year', '=', year)
      .orderBy('version')
      .execute();
  },
};
