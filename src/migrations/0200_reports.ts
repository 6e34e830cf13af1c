// Frozen in time: never import application code into a migration.
import type { Kysely } from 'kysely';

/** Annual-report inputs: table 二 entries, entered table 三 figures, and the review and litigation register. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_article20')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_article20_pk', ['agency_id', 'year', 'row_id'])
    .execute();

  await db.schema
    .createTable('report_table3_entries')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('cells_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_table3_entries_pk', ['agency_id', 'year'])
    .execute();

  await db.schema
    .createTable('report_disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('request_id', 'text')
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('first_filed_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_disputes_agency')
    .on('report_disputes')
    .columns(['agency_id', 'first_filed_on'])
    .execute();

  await db.schema
    .createTable('report_dispute_stages')
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('report_disputes.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('result', 'text')
    .addPrimaryKeyConstraint('report_dispute_stages_pk', ['dispute_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['report_dispute_stages', 'report_disputes', 'report_table3_entries', 'report_article20']) {
    await db.schema.dropTable(t).execute();
  }
}
