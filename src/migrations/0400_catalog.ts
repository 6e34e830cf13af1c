// Frozen in time: never import application code into a migration.
// The disclosure catalog (主动公开): columns, subject taxonomy, items with revisions and attachments,
// index-number counters, and the simple search table behind the search port.
import { type Kysely, PostgresAdapter } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('catalog_columns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('parent_id', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('article_item', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('catalog_columns_code', ['agency_id', 'code'])
    .execute();

  await db.schema
    .createTable('catalog_subjects')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('parent_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('catalog_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('index_template', 'text', (c) => c.notNull())
    .execute();

  // A counter only ever goes up, so an issued index number is never issued again.
  await db.schema
    .createTable('catalog_index_counters')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_index_counters_pk', ['agency_id', 'scope'])
    .execute();

  await db.schema
    .createTable('catalog_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('column_id', 'text', (c) => c.notNull().references('catalog_columns.id'))
    .addColumn('index_no', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issuer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('written_on', 'text')
    .addColumn('published_on', 'text')
    .addColumn('published_at', 'text')
    .addColumn('doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('subject_code', 'text')
    .addColumn('genre', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('five_kind', 'text')
    .addColumn('key_domain', 'text')
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('validity', 'text', (c) => c.notNull().defaultTo('in_force'))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('normative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('interprets_id', 'text')
    .addColumn('interpretation_exemption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('effective_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('repealed_on', 'text')
    .addColumn('validity_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('span_workdays', 'integer')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('withdraw_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_items_column_pub')
    .on('catalog_items')
    .columns(['column_id', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('catalog_items_agency_pub')
    .on('catalog_items')
    .columns(['agency_id', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('catalog_items_interprets')
    .on('catalog_items')
    .column('interprets_id')
    .execute();

  await db.schema
    .createTable('catalog_revisions')
    .addColumn('item_id', 'text', (c) => c.notNull().references('catalog_items.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_revisions_pk', ['item_id', 'revision'])
    .execute();

  await db.schema
    .createTable('catalog_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('catalog_items.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('text_content', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_attachments_item')
    .on('catalog_attachments')
    .column('item_id')
    .execute();

  await db.schema
    .createTable('catalog_search_simple')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('haystack', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_search_simple_agency')
    .on('catalog_search_simple')
    .columns(['agency_id', 'published_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'catalog_search_simple',
    'catalog_attachments',
    'catalog_revisions',
    'catalog_items',
    'catalog_index_counters',
    'catalog_settings',
    'catalog_subjects',
    'catalog_columns',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
