/**
 * Proactive-disclosure statistics of a year (the numbers an annual report's narrative quotes): published items
 * by column and by subject category, the 五公开 and key-area counts, and Art. 26 timeliness — items published
 * later than 20 working days after they were formed. Withdrawn items count nowhere.
 */
import type { Queryable } from '../../platform/db/database.js';
import { statisticsStore } from './statistics.store.js';

interface CatalogStatistics {
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
  const [byColumn, bySubject, byFive, totals] = await statisticsStore.yearCounts(db, agencyId, year);
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
  const rows = await statisticsStore.publishedDays(db, agencyId);
  const byYear = new Map<number, number>();
  for (const r of rows) {
    const y = Number(r.published_on!.slice(0, 4));
    byYear.set(y, (byYear.get(y) ?? 0) + Number(r.n));
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, published]) => ({ year, published }));
}
