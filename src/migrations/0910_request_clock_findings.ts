// Frozen in time: never import application code into a migration.
// What the statutory clock saw on a case (late steps, pauses run over, imported anomalies; issue 32), stored as
// JSON beside the due date it is computed with, so the supervisor's figures count them without replaying events.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('request_cases')
    .addColumn('clock_findings', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('request_cases').dropColumn('clock_findings').execute();
}
