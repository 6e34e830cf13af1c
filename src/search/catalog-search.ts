/**
 * The catalog's search port implemented by the full-text engine. The catalog calls `indexItem`/`removeItem`
 * in its publish, revise, repeal and withdraw transactions, so the index changes with the item or not at all.
 * Drafts and submitted items are indexed as drafts (admin search only); withdrawn items are removed.
 */
import { PostgresAdapter } from 'kysely';
import type { Item } from '../catalog/items/item.js';
import { catalogSearch, type SearchPort } from '../catalog/search-port.js';
import type { Queryable } from '../platform/db/database.js';
import type { SearchDoc, SearchIndex } from './search-index.js';
import { searchIndexFor } from './search-index-for.js';
import { searchStore } from './search.store.js';

export function indexFor(db: Queryable): SearchIndex {
  return searchIndexFor(db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of sanitised body HTML: tags become spaces (which normalisation removes). */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => {
      if (e.startsWith('#')) {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return entities[e.toLowerCase()] ?? m;
    });
}

async function searchDocOf(db: Queryable, item: Item): Promise<SearchDoc> {
  const attachments = await searchStore.attachmentTexts(db, item.id);
  const status: SearchDoc['status'] =
    item.status === 'published' ? 'published' : item.status === 'withdrawn' ? 'withdrawn' : 'draft';
  return {
    id: item.id,
    agencyId: item.agencyId,
    columnId: item.columnId,
    subject: item.subjectCode,
    kind: item.fiveKind,
    validity: item.validity,
    status,
    publishedOn: item.publishedOn ?? item.updatedAt.slice(0, 10),
    title: item.title,
    docNo: item.docNo,
    indexNo: item.indexNo ?? '',
    summary: [item.summary, item.keywords].filter(Boolean).join(' '),
    body: htmlText(item.bodyHtml),
    attachments: attachments.map((a) => a.text_content).filter(Boolean),
  };
}

export const fullTextSearch: SearchPort = {
  async indexItem(tx, item) {
    await indexFor(tx).upsert(tx, await searchDocOf(tx, item));
  },
  async removeItem(tx, itemId) {
    await indexFor(tx).remove(tx, itemId);
  },
  async search(db, q) {
    const r = await indexFor(db).query(db, {
      text: q.text,
      filters: { agencyIds: q.agencyIds },
      offset: q.offset,
      pageSize: q.limit,
    });
    return { total: r.total, hits: r.hits.map((h) => ({ itemId: h.id })) };
  },
};

/** Composition: the catalog's publish/revise/withdraw use cases feed this engine from now on. */
export function useFullTextSearch(): void {
  catalogSearch.port = fullTextSearch;
}
