/** Picks the adapter for the configured database. */
import type { DatabaseHandle } from '../platform/db/database.js';
import type { EngineOptions } from './engine.js';
import { postgresSearchIndex } from './postgres-index.js';
import type { SearchIndex } from './search-index.js';
import { sqliteSearchIndex } from './sqlite-index.js';

const cache = new Map<string, SearchIndex>();

export function searchIndexFor(dialect: DatabaseHandle['dialect'], options?: EngineOptions): SearchIndex {
  if (options) return dialect === 'postgres' ? postgresSearchIndex(options) : sqliteSearchIndex(options);
  let index = cache.get(dialect);
  if (!index) {
    index = dialect === 'postgres' ? postgresSearchIndex() : sqliteSearchIndex();
    cache.set(dialect, index);
  }
  return index;
}
