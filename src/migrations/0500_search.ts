// Frozen in time: never import application code into a migration.
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The search index's own tables, fed by the catalog through the search port. `seq` orders documents by
 * publication day (day number × 2^24 + a counter), so "newest matches first" is an index order on both
 * databases, and on SQLite it is the FTS5 rowid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('search_docs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().unique())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('column_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('kind', 'text')
    .addColumn('validity', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('index_no', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('doc_no_key', 'text', (c) => c.notNull())
    .addColumn('index_no_key', 'text', (c) => c.notNull())
    // Every field normalised, joined by newlines: the text matches are verified and snippets cut from.
    .addColumn('norm', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_docs_doc_no').on('search_docs').column('doc_no_key').execute();
  await db.schema.createIndex('search_docs_index_no').on('search_docs').column('index_no_key').execute();
  await db.schema.createIndex('search_docs_agency').on('search_docs').columns(['agency_id', 'seq']).execute();

  await db.schema
    .createTable('search_counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO search_counter (id, n) VALUES (1, 0)`.execute(db);

  if (postgres) {
    // No extension: core arrays with a GIN index, so openGauss and KingbaseES run the same path.
    await sql`ALTER TABLE search_docs ADD COLUMN grams text[] NOT NULL DEFAULT '{}'`.execute(db);
    await sql`ALTER TABLE search_docs ADD COLUMN title_grams text[] NOT NULL DEFAULT '{}'`.execute(db);
    await sql`CREATE INDEX search_docs_grams ON search_docs USING gin (grams)`.execute(db);
    await sql`CREATE INDEX search_docs_title_grams ON search_docs USING gin (title_grams)`.execute(db);
  } else {
    // Positional bigram index: a phrase over bigrams is an exact substring match. Contentless: the text
    // lives in search_docs.
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(grams, content='', contentless_delete=1)`.execute(
      db,
    );
    // Titles apart: a column filter on one table would still read the body's long posting lists.
    await sql`CREATE VIRTUAL TABLE search_title_fts USING fts5(grams, content='', contentless_delete=1)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!postgres) {
    await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
    await sql`DROP TABLE IF EXISTS search_title_fts`.execute(db);
  }
  await db.schema.dropTable('search_counter').execute();
  await db.schema.dropTable('search_docs').execute();
}
