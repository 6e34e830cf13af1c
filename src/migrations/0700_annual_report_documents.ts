// Frozen in time: never import application code into a migration.
import type { Kysely } from 'kysely';

/**
 * Annual report documents: one working record per agency and year (narrative + workflow state), and the
 * published versions, each a frozen snapshot (tables + narrative) with its SHA-256 digest. Versions are only
 * ever inserted: a correction is a new version, the earlier one stays visible.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('return_comment', 'text')
    .addColumn('reissue_reason', 'text')
    .addColumn('published_versions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_agency_year', ['agency_id', 'year'])
    .execute();
  await db.schema
    .createIndex('annual_reports_year')
    .on('annual_reports')
    .columns(['year', 'status'])
    .execute();

  await db.schema
    .createTable('annual_report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('annual_reports.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('override_reason', 'text')
    .addUniqueConstraint('annual_report_versions_report_version', ['report_id', 'version'])
    .execute();
  await db.schema
    .createIndex('annual_report_versions_agency')
    .on('annual_report_versions')
    .columns(['agency_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('annual_report_versions').execute();
  await db.schema.dropTable('annual_reports').execute();
}
