// Frozen in time: never import application code into a migration.
// One counter that every app node polls: a change to published content on any node (or the CLI, or a job)
// bumps it, and each node drops its in-memory portal caches when it moves (docs/decisions/0011).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('content_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('content_versions' as never)
    .values({ name: 'public', version: 0 })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('content_versions').execute();
}
