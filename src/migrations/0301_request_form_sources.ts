// Frozen in time: never import application code into a migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Submissions of the public application form per source (a keyed hash of the address, never the address):
  // above a configured volume the form asks an accessible text question. Rows older than the window are pruned.
  await db.schema
    .createTable('request_form_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_index', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('request_form_sources_by_source')
    .on('request_form_sources')
    .columns(['source_index', 'at'])
    .execute();
  await db.schema.createIndex('request_form_sources_by_at').on('request_form_sources').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_form_sources').execute();
}
