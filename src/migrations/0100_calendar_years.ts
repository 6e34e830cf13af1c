// Frozen in time: never import application code into a migration.
import type { Kysely } from 'kysely';

/**
 * Administrator-imported or corrected holiday arrangements, append-only: every save is a new version of
 * (year, region); the effective arrangement is the highest version, else the shipped one.
 * `region` is '' for the national arrangement, else a province code for a regional overlay.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_years')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** JSON: the arrangement (national) or the overlay's days of that year (regional). */
    .addColumn('arrangement', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('changed_days', 'integer', (c) => c.notNull())
    .addColumn('saved_by_id', 'text')
    .addColumn('saved_by_label', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('calendar_years_version', ['year', 'region', 'version'])
    .execute();
  await db.schema.createIndex('calendar_years_saved_at').on('calendar_years').column('saved_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_years').execute();
}
