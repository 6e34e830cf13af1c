/**
 * Kysely queries of the portal's navigation and column totals, nothing else: each asks "is there one?" or
 * "how many, up to a cap?" so a page never counts a whole column.
 */
import type { Queryable } from '../../platform/db/database.js';

export const portalStore = {
  /** Whether a column has at least one published item. */
  async columnHasPublished(db: Queryable, columnId: string): Promise<boolean> {
    return !!(await db
      .selectFrom('catalog_items')
      .select('id')
      .where('column_id', '=', columnId)
      .where('status', '=', 'published')
      .limit(1)
      .executeTakeFirst());
  },
  /** Whether an agency has published at least one normative document. */
  async hasPublishedNormative(db: Queryable, agencyId: string): Promise<boolean> {
    return !!(await db
      .selectFrom('catalog_items')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('normative', '=', 1)
      .where('status', '=', 'published')
      .limit(1)
      .executeTakeFirst());
  },
  /** Whether an agency has adopted any standard-catalog entry. */
  async hasStandardEntries(db: Queryable, agencyId: string): Promise<boolean> {
    return !!(await db
      .selectFrom('catalog_standard_entries')
      .select('id')
      .where('agency_id', '=', agencyId)
      .limit(1)
      .executeTakeFirst());
  },
  /** Published items in a set of columns, counted up to `cap + 1` (more says "over the cap"). */
  async publishedCountUpTo(db: Queryable, columnIds: readonly string[], cap: number): Promise<number> {
    const r = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('catalog_items')
          .select('id')
          .where('column_id', 'in', columnIds.length ? [...columnIds] : [''])
          .where('status', '=', 'published')
          .limit(cap + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
};
