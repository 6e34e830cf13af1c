// Frozen in time: never import application code into a migration.
// The supervisor's dashboard counts items per agency and month of publication, and lists the late ones:
// indexes that cover those queries and the message timeliness, so a county's year is read from indexes alone.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('catalog_items_agency_published_on')
    .on('catalog_items')
    .columns(['agency_id', 'status', 'published_on', 'late'])
    .execute();
  // Message timeliness per handling agency reads these columns only (status, days received/closed/due).
  await db.schema
    .createIndex('messages_dashboard')
    .on('messages')
    .columns(['handling_agency_id', 'status', 'received_on', 'closed_on', 'due_on', 'critical_after'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('messages_dashboard').execute();
  await db.schema.dropIndex('catalog_items_agency_published_on').execute();
}
