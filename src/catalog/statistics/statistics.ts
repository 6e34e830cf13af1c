/**
 * Proactive-disclosure statistics of a year (the numbers an annual report's narrative quotes): published items
 * by column and by subject category, the 五公开 and key-area counts, and Art. 26 timeliness — items published
 * later than 20 working days after they were formed. Withdrawn items count nowhere.
 */
import type { Queryable } from '../../platform/db/database.js';

export interface CatalogStatistics {
  agencyId: string;
  year: number;
  published: number;
  byColumn: Array<{ code: string; name: string; count: number }>;
  bySubject: Array<{ code: string; name: string; count: number }>;
  byFiveKind: Record<string, number>;
  keyArea: number;
  /** 条例 Art. 26: published after the 20th working day from formation. */
  late: number;
}

export async function catalogStatistics(
  db: Queryable,
  agencyId: string,
  year: number,
): Promise<CatalogStatistics> {
  const base = db
    .selectFrom('catalog_items')
    .where('catalog_items.agency_id', '=', agencyId)
    .where('catalog_items.status', '=', 'published')
    .where('catalog_items.published_on', '>=', `${year}-01-01`)
    .where('catalog_items.published_on', '<=', `${year}-12-31`);
  const [byColumn, bySubject, byFive, totals] = await Promise.all([
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
  return {
    agencyId,
    year,
    published: Number(totals?.published ?? 0),
    byColumn: byColumn.map((r) => ({ code: r.code, name: r.name, count: Number(r.n) })),
    bySubject: bySubject.map((r) => ({ code: r.code, name: r.name, count: Number(r.n) })),
    byFiveKind: Object.fromEntries(byFive.map((r) => [r.five_kind!, Number(r.n)])),
    keyArea: Number(totals?.keyArea ?? 0),
    late: Number(totals?.late ?? 0),
  };
}

/** Published items per year of an agency (withdrawn items count nowhere), oldest year first. */
export async function publishedPerYear(
  db: Queryable,
  agencyId: string,
): Promise<Array<{ year: number; published: number }>> {
  const rows = await db
    .selectFrom('catalog_items')
    .select(['published_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published')
    .where('published_on', 'is not', null)
    .groupBy('published_on')
    .execute();
  const byYear = new Map<number, number>();
  for (const r of rows) {
    const y = Number(r.published_on!.slice(0, 4));
    byYear.set(y, (byYear.get(y) ?? 0) + Number(r.n));
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, published]) => ({ year, published }));
}
