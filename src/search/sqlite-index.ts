/**
 * SQLite adapter: a contentless FTS5 table whose rowid is `search_docs.seq`, holding overlapping bigram
 * tokens of the whole text, and a second one of the titles alone (for title-match candidates). Each term becomes a phrase of its bigrams,
 * which matches exactly the texts containing the term; 1-character terms are checked with instr().
 * FTS5 walks its matches in rowid order, so "newest first, stop after N" reads only N matches.
 */
import { sql } from 'kysely';
import { createEngine, type EngineOptions } from './engine.js';
import type { GramStore } from './gram-store.js';
import { bigrams, indexable } from './grams.js';
import type { SearchIndex } from './search-index.js';

function phrase(term: string): string {
  return `"${bigrams(term).join(' ')}"`;
}

const sqliteGrams: GramStore = {
  async write(db, seq, norm, titleKey) {
    await sql`INSERT INTO search_fts (rowid, grams) VALUES (${seq}, ${bigrams(norm).join(' ')})`.execute(db);
    await sql`INSERT INTO search_title_fts (rowid, grams) VALUES (${seq}, ${bigrams(titleKey).join(' ')})`.execute(
      db,
    );
  },
  async erase(db, seq) {
    await sql`DELETE FROM search_fts WHERE rowid = ${seq}`.execute(db);
    await sql`DELETE FROM search_title_fts WHERE rowid = ${seq}`.execute(db);
  },
  plan(terms, titleOnly) {
    const expr = terms.filter(indexable).map(phrase).join(' AND ');
    const table = sql.raw(titleOnly ? 'search_title_fts' : 'search_fts');
    const short = terms.filter((t) => !indexable(t));
    const checks = short.map((t) =>
      titleOnly ? sql`instr(d.title_key, ${t}) > 0` : sql`instr(d.norm, ${t}) > 0`,
    );
    return {
      from: sql`${table} f JOIN search_docs d ON d.seq = f.rowid`,
      where: sql.join([sql`${table} MATCH ${expr}`, ...checks], sql` AND `),
      newestFirst: sql`f.rowid DESC`,
    };
  },
};

export function sqliteSearchIndex(options?: EngineOptions): SearchIndex {
  return createEngine(sqliteGrams, options);
}
