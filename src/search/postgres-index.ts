/**
 * PostgreSQL adapter without extensions (so openGauss and KingbaseES run it too): the distinct bigrams of
 * each document as 32-bit codes in an int4[] column with a GIN index (migration 0501). An array holds no
 * positions, so a term of ≥ 3 characters is verified with strpos() on the normalised text; a 2-character
 * term is one bigram and the array match is already exact.
 *
 * "Newest matches first" never ranks or sorts every match (common terms match most documents):
 * 1. walk the newest documents (seq index, backwards) and keep those whose array holds the bigrams and whose
 *    text holds the terms, stopping at the page's end; the walk is bounded (`walkWindow`), and the arrays
 *    stay in the row, so a check is cheap; title matches walk a covering index instead (`titleWalkWindow`);
 * 2. only when the newest window holds too few matches (a rare term), take the GIN index's matches of the
 *    newest month (then year, four years, all), sort them by seq and verify them lazily, newest first,
 *    until the page is full.
 * Counting would verify every match, so terms needing verification are not counted: the total is then the
 * candidate fetch's ("more than 100" once the candidates fill up).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Candidate } from './rank.js';
import { createEngine, type EngineOptions } from './engine.js';
import type { GramStore, NewestRequest } from './gram-store.js';
import { exactCodes, gramCodes, indexable } from './grams.js';
import { characters } from './normalise.js';
import type { SearchIndex } from './search-index.js';
import type { Queryable } from '../platform/db/database.js';

/** How many of the newest documents the walk checks before turning to the GIN index. */
function walkWindow(need: number): number {
  return Math.min(50_000, Math.max(2_000, 20 * need));
}

/**
 * How many of the newest documents the title walk checks: it reads only the covering index
 * `search_docs_title_walk` (seq, status, agency_id, title_grams; ~60 entries a page, migration 0502), not
 * the ~1-page rows, so it can look much further back than the body walk for the same cost.
 */
function titleWalkWindow(need: number): number {
  return Math.min(200_000, Math.max(20_000, 200 * need));
}

/** Windows (days back from the newest item) the GIN path tries before taking every match. */
const indexWindowDays = [31, 366, 4 * 366];
const perDay = 2 ** 24;

/** A term the bigram array alone decides: one bigram of two BMP characters. */
const exactTerm = (t: string) => characters(t).length === 2 && exactCodes(t);

function conditions(terms: string[], titleOnly: boolean) {
  const codes = [...new Set(terms.filter(indexable).flatMap(gramCodes))];
  const column = titleOnly ? sql`d.title_grams` : sql`d.grams`;
  const text = titleOnly ? sql`d.title_key` : sql`d.norm`;
  const verify = terms.filter((t) => !exactTerm(t)).map((t) => sql`strpos(${text}, ${t}) > 0`);
  return { grams: sql`${column} @> ${codes}::int4[]`, verify };
}

const and = (parts: RawBuilder<unknown>[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`);

/** Walk lengths by the number of matches needed; tests shrink them to drive the GIN path on small data. */
interface WalkWindows {
  body: (need: number) => number;
  title: (need: number) => number;
}

const newestWith = (walk: WalkWindows) =>
  async function newest(db: Queryable, r: NewestRequest): Promise<Array<Candidate & { id: string }>> {
    const c = conditions(r.terms, r.titleOnly);
    const exclude = r.exclude.length ? sql`d.id NOT IN (${sql.join(r.exclude)})` : sql`TRUE`;
    const walked = r.titleOnly
      ? // Index-only walk over seq + title codes; the heap is read only for rows whose codes match (for
        // strpos and the selected columns). Filters on columns outside the index make it a plain index scan:
        // slower, still exact.
        await sql<Candidate & { id: string }>`SELECT ${r.columns}
      FROM (SELECT d.seq FROM (SELECT d.seq, d.title_grams FROM search_docs d WHERE ${r.filters}
                               ORDER BY d.seq DESC LIMIT ${walk.title(r.skip + r.limit)}) d
            WHERE ${c.grams}) m
      JOIN search_docs d ON d.seq = m.seq
      WHERE ${and(c.verify)} AND ${exclude}
      ORDER BY d.seq DESC LIMIT ${r.limit} OFFSET ${r.skip}`.execute(db)
      : await sql<Candidate & { id: string }>`SELECT ${r.columns}
      FROM (SELECT * FROM search_docs d WHERE ${r.filters} ORDER BY d.seq DESC
            LIMIT ${walk.body(r.skip + r.limit)}) d
      WHERE ${c.grams} AND ${and(c.verify)} AND ${exclude}
      ORDER BY d.seq DESC LIMIT ${r.limit} OFFSET ${r.skip}`.execute(db);
    if (walked.rows.length === r.limit) return walked.rows;
    // OFFSET 0 keeps strpos() out of the inner query: it runs on the sorted rows, newest first, until LIMIT.
    // Newest month first, then a year, four years, all: the GIN bitmap is ANDed with a seq range, so only the
    // window's matches are read from the heap and sorted (reading all of a title's matches cost ~50 µs each).
    // A term without a single match among the newest documents is rare: its matches are few, take them all.
    const windows = walked.rows.length > 0 || r.skip > 0 ? indexWindowDays : [];
    let rows: Array<Candidate & { id: string }> = [];
    for (const days of [...windows, null]) {
      const window =
        days === null
          ? sql`TRUE`
          : sql`d.seq >= (SELECT max(seq) FROM search_docs) - ${days}::bigint * ${perDay}::bigint`;
      rows = (
        await sql<Candidate & { id: string }>`SELECT ${r.columns}
      FROM (SELECT * FROM search_docs d WHERE ${c.grams} AND ${window} AND ${r.filters} AND ${exclude}
            ORDER BY d.seq DESC OFFSET 0) d
      WHERE ${and(c.verify)}
      ORDER BY d.seq DESC LIMIT ${r.limit} OFFSET ${r.skip}`.execute(db)
      ).rows;
      if (rows.length === r.limit) break;
    }
    return rows;
  };

const postgresGramsWith = (walk: WalkWindows): GramStore => ({
  async write(db, seq, norm, titleKey) {
    await sql`UPDATE search_docs SET grams = ${gramCodes(norm)}::int4[],
      title_grams = ${gramCodes(titleKey)}::int4[] WHERE seq = ${seq}`.execute(db);
  },
  async erase() {
    // The arrays live in the document's row: rewritten by write(), deleted with the row.
  },
  plan(terms, titleOnly) {
    const c = conditions(terms, titleOnly);
    return { from: sql`search_docs d`, where: and([c.grams, ...c.verify]), newestFirst: sql`d.seq DESC` };
  },
  newest: newestWith(walk),
  cheapCount: (terms) => terms.every(exactTerm),
});

const postgresGrams = postgresGramsWith({ body: walkWindow, title: titleWalkWindow });

export function postgresSearchIndex(options?: EngineOptions & { walk?: WalkWindows }): SearchIndex {
  return createEngine(options?.walk ? postgresGramsWith(options.walk) : postgresGrams, options);
}
