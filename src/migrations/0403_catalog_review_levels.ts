// Frozen in time: never import application code into a migration.
// Review in one to three levels (三审) as each agency configures, and the approvals an item has collected.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('catalog_settings')
    .addColumn('review_levels', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('catalog_items')
    .addColumn('approvals', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('catalog_items').dropColumn('approvals').execute();
  await db.schema.alterTable('catalog_settings').dropColumn('review_levels').execute();
}
