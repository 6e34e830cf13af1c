/**
 * The seam between the catalog and search. The catalog calls `indexItem`/`removeItem` inside its publish,
 * revise and withdraw transactions; the portal calls `search`. This file ships a simple LIKE-based
 * implementation (title, 文号, 索引号, summary); the full-text search capability replaces it by
 * assigning `catalogSearch.port` at composition.
 */
import { sql } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { Item } from './items/item.js';

export interface SearchQuery {
  agencyIds: readonly string[];
  text: string;
  limit: number;
  offset: number;
}

export interface SearchHit {
  itemId: string;
}

export interface SearchPort {
  indexItem(tx: Queryable, item: Item): Promise<void>;
  removeItem(tx: Queryable, itemId: string): Promise<void>;
  search(db: Queryable, query: SearchQuery): Promise<{ total: number; hits: SearchHit[] }>;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** Escapes LIKE wildcards so a query is matched literally. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const simpleSearch: SearchPort = {
  async indexItem(tx, item) {
    if (item.status !== 'published' || !item.publishedAt) return this.removeItem(tx, item.id);
    const haystack = norm(
      [item.title, item.docNo, item.indexNo ?? '', item.summary, item.keywords].join(' '),
    );
    await tx.deleteFrom('catalog_search_simple').where('item_id', '=', item.id).execute();
    await tx
      .insertInto('catalog_search_simple')
      .values({ item_id: item.id, agency_id: item.agencyId, haystack, published_at: item.publishedAt })
      .execute();
  },
  async removeItem(tx, itemId) {
    await tx.deleteFrom('catalog_search_simple').where('item_id', '=', itemId).execute();
  },
  async search(db, q) {
    const words = norm(q.text).split(/\s+/).filter(Boolean).slice(0, 8);
    if (!words.length || !q.agencyIds.length) return { total: 0, hits: [] };
    let query = db.selectFrom('catalog_search_simple').where('agency_id', 'in', [...q.agencyIds]);
    for (const w of words)
      query = query.where(sql<boolean>`haystack like ${`%${likeLiteral(w)}%`} escape '\\'`);
    const [count, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      query.select('item_id').orderBy('published_at', 'desc').limit(q.limit).offset(q.offset).execute(),
    ]);
    return { total: Number(count?.n ?? 0), hits: rows.map((r) => ({ itemId: r.item_id })) };
  },
};

/** The port in use; the search capability swaps in its implementation. */
export const catalogSearch: { port: SearchPort } = { port: simpleSearch };
