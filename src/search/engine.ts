/**
 * The search engine over `search_docs`, shared by both adapters. An adapter supplies only how bigrams are
 * stored and matched (gram-store.ts: FTS5 phrases on SQLite, GIN arrays + substring check on PostgreSQL);
 * the engine writes documents (engine-indexing.ts), answers queries (engine-query.ts) and makes hits
 * (engine-hits.ts), through the search store.
 *
 * Ranking never ranks every match: common terms match a large share of a province's items. The candidate
 * set is bounded — the newest `candidateLimit` matches, the newest `candidateLimit` title matches and the
 * exact 文号/index-number matches — and ranked in memory; the remaining matches follow in date order, so
 * paging still reaches every match (no recall loss).
 */
import { lookupHits } from './engine-hits.js';
import { rebuildGrams, removeDoc, upsertDoc } from './engine-indexing.js';
import { runQuery, type QuerySettings } from './engine-query.js';
import type { GramStore } from './gram-store.js';
import type { SearchIndex } from './search-index.js';

export { documentText } from './engine-indexing.js';
export { maxPageSize } from './engine-query.js';

export interface EngineOptions {
  candidateLimit?: number;
  totalCap?: number;
  /** Count every query's matches up to the cap even where the adapter finds counting dear (benchmarks). */
  alwaysCount?: boolean;
}

export function createEngine(grams: GramStore, options: EngineOptions = {}): SearchIndex {
  const settings: QuerySettings = {
    candidateLimit: options.candidateLimit ?? 100,
    totalCap: options.totalCap ?? 1_000,
    alwaysCount: options.alwaysCount ?? false,
  };
  return {
    upsert: (db, doc) => upsertDoc(grams, db, doc),
    remove: (db, id) => removeDoc(grams, db, id),
    query: (db, q) => runQuery(grams, settings, db, q),
    lookup: (db, text, includeDrafts) => lookupHits(db, text, includeDrafts),
    rebuild: (db, progress) => rebuildGrams(grams, db, progress),
  };
}
