/** Table 二 entries as stored: one row per agency, year and form row, with the source of its figures. */
import type { Queryable } from '../../platform/db/database.js';
import type { Article20Entry } from '../ports.js';

export const article20Store = {
  async forYear(db: Queryable, agencyId: string, year: number): Promise<Article20Entry[]> {
    const rows = await db
      .selectFrom('report_article20')
      .select(['row_id', 'values_json', 'source'])
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .orderBy('row_id')
      .execute();
    return rows.map((r) => ({
      rowId: r.row_id,
      values: JSON.parse(r.values_json) as Record<string, number | null>,
      source: r.source,
    }));
  },

  /** Every entry of the agencies and years, in one query (the roll-up). */
  async forAgencies(
    db: Queryable,
    agencyIds: readonly string[],
    years: readonly number[],
  ): Promise<{ agencyId: string; year: number; entry: Article20Entry }[]> {
    if (!agencyIds.length || !years.length) return [];
    const rows = await db
      .selectFrom('report_article20')
      .select(['agency_id', 'year', 'row_id', 'values_json', 'source'])
      .where('agency_id', 'in', agencyIds)
      .where('year', 'in', years)
      .orderBy('agency_id')
      .orderBy('year')
      .orderBy('row_id')
      .execute();
    return rows.map((r) => ({
      agencyId: r.agency_id,
      year: r.year,
      entry: {
        rowId: r.row_id,
        values: JSON.parse(r.values_json) as Record<string, number | null>,
        source: r.source,
      },
    }));
  },

  /** Replaces the given rows' figures (other rows of the year are kept). */
  async put(db: Queryable, agencyId: string, year: number, entries: readonly Article20Entry[], at: string) {
    if (!entries.length) return;
    await db
      .deleteFrom('report_article20')
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .where(
        'row_id',
        'in',
        entries.map((e) => e.rowId),
      )
      .execute();
    await db
      .insertInto('report_article20')
      .values(
        entries.map((e) => ({
          agency_id: agencyId,
          year,
          row_id: e.rowId,
          values_json: JSON.stringify(e.values),
          source: e.source,
          updated_at: at,
        })),
      )
      .execute();
  },

  async hasYear(db: Queryable, agencyId: string, year: number): Promise<boolean> {
    const row = await db
      .selectFrom('report_article20')
      .select('row_id')
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
};
