/**
 * The seam between the catalog and search. The catalog calls `indexItem`/`removeItem` inside its publish,
 * revise and withdraw transactions; the portal calls `search`. This file ships a simple LIKE-based
 * implementation (title, 文号, 索引号, summary); the full-text search capability replaces it by
 * assigning `catalogSearch.port` at composition.
 */
import type { Queryable } from '../platform/db/database.js';
import type { Item } from './items/item.js';
import { simpleSearchStore } from './simple-search.store.js';

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

export const simpleSearch: SearchPort = {
  async indexItem(tx, item) {
    if (item.status !== 'published' || !item.publishedAt) return this.removeItem(tx, item.id);
    const haystack = norm(
      [item.title, item.docNo, item.indexNo ?? '', item.summary, item.keywords].join(' '),
    );
    await simpleSearchStore.put(tx, {
      itemId: item.id,
      agencyId: item.agencyId,
      haystack,
      publishedAt: item.publishedAt,
    });
  },
  async removeItem(tx, itemId) {
    await simpleSearchStore.remove(tx, itemId);
  },
  async search(db, q) {
    const words = norm(q.text).split(/\s+/).filter(Boolean).slice(0, 8);
    if (!words.length || !q.agencyIds.length) return { total: 0, hits: [] };
    const { total, itemIds } = await simpleSearchStore.search(db, {
      agencyIds: q.agencyIds,
      words,
      limit: q.limit,
      offset: q.offset,
    });
    return { total, hits: itemIds.map((itemId) => ({ itemId })) };
  },
};

/** The port in use; the search capability swaps in its implementation. */
export const catalogSearch: { port: SearchPort } = { port: simpleSearch };
