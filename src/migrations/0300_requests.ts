// Frozen in time: never import application code into a migration.
import { type Kysely, PostgresAdapter } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('request_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('reg_no', 'integer', (c) => c.notNull())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('access_index', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_label', 'text', (c) => c.notNull())
    .addColumn('applicant_sealed', 'text', (c) => c.notNull())
    .addColumn('applicant_index', 'text', (c) => c.notNull())
    .addColumn('agent_sealed', 'text')
    .addColumn('help_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('info_title', 'text', (c) => c.notNull())
    .addColumn('info_doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('info_index_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('info_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('outcome', 'text')
    .addColumn('outcome_on', 'text')
    .addColumn('due_date', 'text')
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assignee_id', 'text')
    .addColumn('parent_id', 'text', (c) => c.references('request_cases.id'))
    .addColumn('reply', 'text')
    .addColumn('fee', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('request_cases_reg_no', ['agency_id', 'year', 'reg_no'])
    .execute();
  await db.schema
    // Work queues: open cases of an agency in due-date order, so "overdue" is one index range.
    .createIndex('request_cases_queue')
    .on('request_cases')
    .columns(['agency_id', 'open', 'due_date'])
    .execute();
  await db.schema
    .createIndex('request_cases_state')
    .on('request_cases')
    .columns(['agency_id', 'state'])
    .execute();
  await db.schema
    .createIndex('request_cases_received')
    .on('request_cases')
    .columns(['agency_id', 'received_on'])
    .execute();
  await db.schema
    .createIndex('request_cases_applicant')
    .on('request_cases')
    .column('applicant_index')
    .execute();
  await db.schema.createIndex('request_cases_assignee').on('request_cases').column('assignee_id').execute();

  // The case's own history; the statutory clock is computed from it. Append-only.
  await db.schema
    .createTable('request_case_events')
    .addColumn('id', postgres ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('request_cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('request_case_events_case')
    .on('request_case_events')
    .columns(['case_id', 'id'])
    .execute();

  // Files live in the database, so app nodes stay stateless (DESIGN.md "Storage").
  await db.schema
    .createTable('request_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('request_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('request_attachments_case')
    .on('request_attachments')
    .column('case_id')
    .execute();

  // Per agency and year sequences: registration numbers, notice 文号.
  await db.schema
    .createTable('request_counters')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_counters_pk', ['agency_id', 'year', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['request_counters', 'request_attachments', 'request_case_events', 'request_cases']) {
    await db.schema.dropTable(t).execute();
  }
}
