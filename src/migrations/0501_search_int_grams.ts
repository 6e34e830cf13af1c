// Frozen in time: never import application code into a migration.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL only: bigrams as 32-bit integers (two UTF-16 code units) in int4[] instead of 8-character text
 * tokens in text[]. An int array of a document's ~500 distinct bigrams is ~2 KB, small enough to stay in the
 * row (STORAGE MAIN), so checking a row needs no TOAST fetch — the newest-first walk checks rows one by one.
 * Existing rows are converted here, in SQL, with the same encoding as src/search/grams.ts (`gramCode`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP INDEX IF EXISTS search_docs_grams`.execute(db);
  await sql`DROP INDEX IF EXISTS search_docs_title_grams`.execute(db);
  await sql`ALTER TABLE search_docs DROP COLUMN grams, DROP COLUMN title_grams`.execute(db);
  await sql`ALTER TABLE search_docs ADD COLUMN grams int4[] NOT NULL DEFAULT '{}',
    ADD COLUMN title_grams int4[] NOT NULL DEFAULT '{}'`.execute(db);
  await sql`ALTER TABLE search_docs ALTER COLUMN grams SET STORAGE MAIN,
    ALTER COLUMN title_grams SET STORAGE MAIN`.execute(db);
  const codes = (column: string) => sql`COALESCE((SELECT array_agg(DISTINCT
      (((a & 65535)::bigint << 16 | (b & 65535)) - CASE WHEN (a & 65535) >= 32768 THEN 4294967296 ELSE 0 END)::int4)
    FROM (SELECT ascii(ch) AS a, lead(ascii(ch)) OVER (ORDER BY ord) AS b
          FROM unnest(regexp_split_to_array(${sql.ref(column)}, '')) WITH ORDINALITY u(ch, ord)) p
    WHERE b IS NOT NULL AND a <> 10 AND b <> 10), '{}')`;
  await sql`UPDATE search_docs SET grams = ${codes('norm')}, title_grams = ${codes('title_key')}`.execute(db);
  await sql`CREATE INDEX search_docs_grams ON search_docs USING gin (grams)`.execute(db);
  await sql`CREATE INDEX search_docs_title_grams ON search_docs USING gin (title_grams)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP INDEX IF EXISTS search_docs_grams`.execute(db);
  await sql`DROP INDEX IF EXISTS search_docs_title_grams`.execute(db);
  await sql`ALTER TABLE search_docs DROP COLUMN grams, DROP COLUMN title_grams`.execute(db);
  await sql`ALTER TABLE search_docs ADD COLUMN grams text[] NOT NULL DEFAULT '{}',
    ADD COLUMN title_grams text[] NOT NULL DEFAULT '{}'`.execute(db);
  await sql`CREATE INDEX search_docs_grams ON search_docs USING gin (grams)`.execute(db);
  await sql`CREATE INDEX search_docs_title_grams ON search_docs USING gin (title_grams)`.execute(db);
}
