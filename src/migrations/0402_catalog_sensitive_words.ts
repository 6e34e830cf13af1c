// Frozen in time: never import application code into a migration.
// Each agency's sensitive-word list for the pre-publication checks (JSON array of words).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('catalog_settings')
    .addColumn('sensitive_words', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('catalog_settings').dropColumn('sensitive_words').execute();
}
