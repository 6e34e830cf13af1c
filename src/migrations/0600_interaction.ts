// Frozen in time: never import application code into a migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 留言: one row per message; the due date and the 3-month line are stored so "overdue" is an indexed query.
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('handling_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('email_enc', 'text')
    .addColumn('contact_index', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('promise_days', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('critical_after', 'text', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decline_reason', 'text')
    .addColumn('draft_reply', 'text')
    .addColumn('drafted_by', 'text')
    .addColumn('reply_body', 'text')
    .addColumn('reply_department', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('reply_workdays', 'integer')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('reminder_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('messages_handling_status')
    .on('messages')
    .columns(['handling_agency_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('messages_agency_received')
    .on('messages')
    .columns(['agency_id', 'received_on'])
    .execute();
  await db.schema.createIndex('messages_status_due').on('messages').columns(['status', 'due_on']).execute();

  await db.schema
    .createTable('message_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // Base64 text: portable across both dialects; attachments are small (limit in attachment.ts).
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('message_attachments_message')
    .on('message_attachments')
    .column('message_id')
    .execute();

  // The reply promise per agency and kind (default when absent: 3 working days).
  await db.schema
    .createTable('message_promises')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_promises_pk', ['agency_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['message_promises', 'message_attachments', 'messages'])
    await db.schema.dropTable(t).execute();
}
