// Frozen in time: never import application code into a migration.
import type { Kysely } from 'kysely';

/**
 * Audits of reports that agencies published elsewhere, saved by their supervisor for an agency and year:
 * the findings and counts, the file's name and the SHA-256 of what was audited. Insert-only: a new audit of
 * the same report is a new row, and the roll-up shows the latest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stored_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull())
    .addColumn('infos', 'integer', (c) => c.notNull())
    .addColumn('detected_year', 'integer')
    .addColumn('detected_agency', 'text')
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('not_checked', 'text', (c) => c.notNull())
    .addColumn('audited_by', 'text')
    .addColumn('audited_by_label', 'text', (c) => c.notNull())
    .addColumn('audited_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stored_audits_agency_year')
    .on('stored_audits')
    .columns(['agency_id', 'year', 'audited_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('stored_audits').execute();
}
