/** Kysely queries of the simple search port's table (`catalog_search_simple`), nothing else. */
import { sql } from 'kysely';
import type { Queryable } from '../platform/db/database.js';

/** Escapes LIKE wildcards so a query is matched literally. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const simpleSearchStore = {
  /** Replaces an item's entry (one row per published item). */
  async put(
    tx: Queryable,
    row: { itemId: string; agencyId: string; haystack: string; publishedAt: string },
  ): Promise<void> {
    await tx.deleteFrom('catalog_search_simple').where('item_id', '=', row.itemId).execute();
    await tx
      .insertInto('catalog_search_simple')
      .values({
        item_id: row.itemId,
        agency_id: row.agencyId,
        haystack: row.haystack,
        published_at: row.publishedAt,
      })
      .execute();
  },
  async remove(tx: Queryable, itemId: string): Promise<void> {
    await tx.deleteFrom('catalog_search_simple').where('item_id', '=', itemId).execute();
  },
  /** Entries of the agencies whose haystack contains every word, newest first, and how many there are. */
  async search(
    db: Queryable,
    q: { agencyIds: readonly string[]; words: readonly string[]; limit: number; offset: number },
  ): Promise<{ total: number; itemIds: string[] }> {
    let query = db.selectFrom('catalog_search_simple').where('agency_id', 'in', [...q.agencyIds]);
    for (const w of q.words)
      query = query.where(sql<boolean>`haystack like ${`%${likeLiteral(w)}%`} escape '\\'`);
    const [count, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      query.select('item_id').orderBy('published_at', 'desc').limit(q.limit).offset(q.offset).execute(),
    ]);
    return { total: Number(count?.n ?? 0), itemIds: rows.map((r) => r.item_id) };
  },
};
