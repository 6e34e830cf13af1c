// Frozen in time: never import application code into a migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 征集调查: a draft decision published for comment over a period, then the feedback on what was adopted.
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('draft_text', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('feedback_summary', 'text')
    .addColumn('feedback_published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consultations_agency_opens')
    .on('consultations')
    .columns(['agency_id', 'opens_on'])
    .execute();
  await db.schema
    .createTable('consultation_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  // Name and contact are optional and encrypted at rest; the decision and its reason come with the feedback.
  await db.schema
    .createTable('consultation_opinions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text')
    .addColumn('contact_enc', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('consultation_opinions_consultation')
    .on('consultation_opinions')
    .columns(['consultation_id', 'submitted_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['consultation_opinions', 'consultation_attachments', 'consultations'])
    await db.schema.dropTable(t).execute();
}
