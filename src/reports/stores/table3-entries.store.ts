/** Table 三 figures entered by hand (agencies whose requests are not handled in Gongkai), per agency and year. */
import type { Queryable } from '../../platform/db/database.js';
import type { CellId } from '../model/types.js';

interface EnteredTable3 {
  cells: Record<CellId, number>;
  source: string;
}

export const table3EntriesStore = {
  async get(db: Queryable, agencyId: string, year: number): Promise<EnteredTable3 | undefined> {
    const r = await db
      .selectFrom('report_table3_entries')
      .select(['cells_json', 'source'])
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
    return r && { cells: JSON.parse(r.cells_json) as Record<CellId, number>, source: r.source };
  },

  /** The entries of the agencies and years, in one query (the roll-up). */
  async forAgencies(
    db: Queryable,
    agencyIds: readonly string[],
    years: readonly number[],
  ): Promise<(EnteredTable3 & { agencyId: string; year: number })[]> {
    if (!agencyIds.length || !years.length) return [];
    const rows = await db
      .selectFrom('report_table3_entries')
      .select(['agency_id', 'year', 'cells_json', 'source'])
      .where('agency_id', 'in', agencyIds)
      .where('year', 'in', years)
      .execute();
    return rows.map((r) => ({
      agencyId: r.agency_id,
      year: r.year,
      cells: JSON.parse(r.cells_json) as Record<CellId, number>,
      source: r.source,
    }));
  },

  async put(
    db: Queryable,
    agencyId: string,
    year: number,
    figures: EnteredTable3,
    now: string,
  ): Promise<void> {
    await db
      .deleteFrom('report_table3_entries')
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .execute();
    await db
      .insertInto('report_table3_entries')
      .values({
        agency_id: agencyId,
        year,
        cells_json: JSON.stringify(figures.cells),
        source: figures.source,
        updated_at: now,
      })
      .execute();
  },
};
