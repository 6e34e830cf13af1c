/** Kysely queries of the catalog's statistics (statistics.ts): counts of published items, nothing else. */
import type { Queryable } from '../../platform/db/database.js';

export const statisticsStore = {
  /** Published items of an agency in a year counted by column, by subject, by 五公开 kind, and in total. */
  async yearCounts(db: Queryable, agencyId: string, year: number) {
    const base = db
      .selectFrom('catalog_items')
      .where('catalog_items.agency_id', '=', agencyId)
      .where('catalog_items.status', '=', 'published')
      .where('catalog_items.published_on', '>=', `${year}-01-01`)
      .where('catalog_items.published_on', '<=', `${year}-12-31`);
    return Promise.all([
      base
        .innerJoin('catalog_columns', 'catalog_columns.id', 'catalog_items.column_id')
        .select(['catalog_columns.code', 'catalog_columns.name', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['catalog_columns.code', 'catalog_columns.name', 'catalog_columns.sort_order'])
        .orderBy('catalog_columns.sort_order')
        .execute(),
      base
        .innerJoin('catalog_subjects', 'catalog_subjects.code', 'catalog_items.subject_code')
        .select(['catalog_subjects.code', 'catalog_subjects.name', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['catalog_subjects.code', 'catalog_subjects.name'])
        .orderBy('catalog_subjects.code')
        .execute(),
      base
        .select(['catalog_items.five_kind', (eb) => eb.fn.countAll<number>().as('n')])
        .where('catalog_items.five_kind', 'is not', null)
        .groupBy('catalog_items.five_kind')
        .execute(),
      base
        .select((eb) => [
          eb.fn.countAll<number>().as('published'),
          eb.fn.sum<number>('catalog_items.late').as('late'),
          eb.fn.count<number>('catalog_items.key_domain').as('keyArea'),
        ])
        .executeTakeFirst(),
    ]);
  },
  /** Published items of an agency counted per publication day. */
  async publishedDays(db: Queryable, agencyId: string) {
    return db
      .selectFrom('catalog_items')
      .select(['published_on', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .where('published_on', 'is not', null)
      .groupBy('published_on')
      .execute();
  },
};
