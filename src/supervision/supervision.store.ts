/** Kysely queries for assessments and accountability cases; nothing else. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { AccountabilityCaseTable, AssessmentTable } from './supervision.schema.js';

export type AssessmentRow = Selectable<AssessmentTable>;
export type CaseRow = Selectable<AccountabilityCaseTable>;

export const supervisionStore = {
  async upsertAssessment(db: Queryable, row: Insertable<AssessmentTable>): Promise<void> {
    await db
      .insertInto('assessments')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['agency_id', 'year']).doUpdateSet({
          score: row.score,
          grade: row.grade,
          summary: row.summary,
          recorded_by: row.recorded_by,
          recorded_at: row.recorded_at,
        }),
      )
      .execute();
  },

  async assessment(db: Queryable, agencyId: string, year: number): Promise<AssessmentRow | undefined> {
    return db
      .selectFrom('assessments')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
  },

  async assessmentsOf(db: Queryable, agencyIds: readonly string[], year: number): Promise<AssessmentRow[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('assessments')
      .selectAll()
      .where('agency_id', 'in', [...agencyIds])
      .where('year', '=', year)
      .orderBy('score', 'desc')
      .execute();
  },

  async insertCase(db: Queryable, row: Insertable<AccountabilityCaseTable>): Promise<void> {
    await db.insertInto('accountability_cases').values(row).execute();
  },

  async caseById(db: Queryable, id: string): Promise<CaseRow | undefined> {
    return db.selectFrom('accountability_cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async updateCase(db: Queryable, id: string, status: string, patch: Updateable<AccountabilityCaseTable>) {
    const r = await db
      .updateTable('accountability_cases')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', status)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async casesOf(db: Queryable, agencyIds: readonly string[], year: number): Promise<CaseRow[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('accountability_cases')
      .selectAll()
      .where('agency_id', 'in', [...agencyIds])
      .where('year', '=', year)
      .orderBy('opened_at')
      .execute();
  },
};
