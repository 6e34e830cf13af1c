/**
 * PostgreSQL adapter without extensions (so openGauss and KingbaseES run it too): the distinct bigram tokens
 * of each document in a text[] column with a GIN index. An array holds no positions, so the GIN lookup
 * yields candidates containing every bigram and strpos() on the normalised text keeps exactly the texts
 * containing each term.
 */
import { sql } from 'kysely';
import { createEngine, type EngineOptions, type GramStore } from './engine.js';
import { distinctBigrams, indexable } from './grams.js';
import { characters } from './normalise.js';
import type { SearchIndex } from './search-index.js';

export const postgresGrams: GramStore = {
  async write(db, seq, norm, titleKey) {
    await sql`UPDATE search_docs SET grams = ${distinctBigrams(norm)}::text[],
      title_grams = ${distinctBigrams(titleKey)}::text[] WHERE seq = ${seq}`.execute(db);
  },
  async erase() {
    // The arrays live in the document's row: rewritten by write(), deleted with the row.
  },
  plan(terms, titleOnly) {
    const tokens = [...new Set(terms.filter(indexable).flatMap(distinctBigrams))];
    const column = titleOnly ? sql`d.title_grams` : sql`d.grams`;
    const text = titleOnly ? sql`d.title_key` : sql`d.norm`;
    return {
      from: sql`search_docs d`,
      where: sql.join(
        [
          sql`${column} @> ${tokens}::text[]`,
          // A 2-character term is one bigram: the array match is already exact.
          ...terms.filter((t) => characters(t).length !== 2).map((t) => sql`strpos(${text}, ${t}) > 0`),
        ],
        sql` AND `,
      ),
      newestFirst: sql`d.seq DESC`,
    };
  },
};

export function postgresSearchIndex(options?: EngineOptions): SearchIndex {
  return createEngine(postgresGrams, options);
}
