// Frozen in time: never import application code into a migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The last deadline reminder e-mailed for a case: `<due date>:<kind>`. A new due date (extension, pause)
  // makes a new key, so the reminder is sent again for the new deadline and never twice for the same one.
  await db.schema.alterTable('request_cases').addColumn('reminder_key', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('request_cases').dropColumn('reminder_key').execute();
}
