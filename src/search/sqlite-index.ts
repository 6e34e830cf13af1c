/**
 * SQLite adapter: a contentless FTS5 table whose rowid is `search_docs.seq`, holding overlapping bigram
 * tokens of the whole text (`grams`) and of the title (`tgrams`). Each term becomes a phrase of its bigrams,
 * which matches exactly the texts containing the term; 1-character terms are checked with instr().
 * FTS5 walks its matches in rowid order, so "newest first, stop after N" reads only N matches.
 */
import { sql } from 'kysely';
import { createEngine, type EngineOptions, type GramStore } from './engine.js';
import { bigrams, indexable } from './grams.js';
import type { SearchIndex } from './search-index.js';

function phrase(term: string): string {
  return `"${bigrams(term).join(' ')}"`;
}

export const sqliteGrams: GramStore = {
  async write(db, seq, norm, titleKey) {
    await sql`INSERT INTO search_fts (rowid, grams, tgrams) VALUES (${seq}, ${bigrams(norm).join(' ')}, ${bigrams(titleKey).join(' ')})`.execute(
      db,
    );
  },
  async erase(db, seq) {
    await sql`DELETE FROM search_fts WHERE rowid = ${seq}`.execute(db);
  },
  plan(terms, titleOnly) {
    const long = terms.filter(indexable).map(phrase).join(' AND ');
    const expr = titleOnly ? `tgrams : (${long})` : long;
    const short = terms.filter((t) => !indexable(t));
    const checks = short.map((t) =>
      titleOnly ? sql`instr(d.title_key, ${t}) > 0` : sql`instr(d.norm, ${t}) > 0`,
    );
    return {
      from: sql`search_fts f JOIN search_docs d ON d.seq = f.rowid`,
      where: sql.join([sql`search_fts MATCH ${expr}`, ...checks], sql` AND `),
      newestFirst: sql`f.rowid DESC`,
    };
  },
};

export function sqliteSearchIndex(options?: EngineOptions): SearchIndex {
  return createEngine(sqliteGrams, options);
}
