// Frozen in time: never import application code into a migration.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL only: a covering index for the newest-first walk over title matches. A search_docs row fills
 * about a page (the in-row bigram codes), so walking 2,000 rows read 2,000 pages; this index holds ~60
 * rows a page, so the walk reads the index alone (index-only scan) and the heap only for rows whose title
 * codes match. Titles are at most 200 characters (catalog input), so an entry stays far below btree's
 * 2,704-byte limit (~650 characters). INCLUDE needs PostgreSQL 11; older servers (openGauss reports 9.2)
 * go without: the walk then reads the rows, slower but exact.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const v = await sql<{ v: string }>`SELECT current_setting('server_version_num') AS v`.execute(db);
  if (Number(v.rows[0]?.v ?? 0) < 110000) return;
  await sql`CREATE INDEX IF NOT EXISTS search_docs_title_walk ON search_docs (seq)
    INCLUDE (status, agency_id, title_grams)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`DROP INDEX IF EXISTS search_docs_title_walk`.execute(db);
}
