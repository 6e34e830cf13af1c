// Frozen in time: never import application code into a migration.
// The basic-level standard catalog (基层政务公开标准目录) an agency adopts from the shipped template, and the
// link from an item to the entry it fulfils.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_standard_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('domain_code', 'text', (c) => c.notNull())
    .addColumn('level1', 'text', (c) => c.notNull())
    .addColumn('level2', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('time_limit', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_standard_entries_agency')
    .on('catalog_standard_entries')
    .columns(['agency_id', 'sort_order'])
    .execute();
  await db.schema.alterTable('catalog_items').addColumn('standard_entry_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('catalog_items').dropColumn('standard_entry_id').execute();
  await db.schema.dropTable('catalog_standard_entries').execute();
}
