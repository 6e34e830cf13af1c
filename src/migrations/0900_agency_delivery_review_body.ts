// Frozen in time: never import application code into a migration.
// Statutory clocks (issue 32): the days a posted letter is presumed to travel, which bounds the pauses and
// presumes the day a notice was received; and the reason an agency gives for naming a 复议机关 other than the
// one 行政复议法 Art. 24 derives from its place in the tree (empty = derived).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agencies')
    .addColumn('delivery_margin_days', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();
  await db.schema
    .alterTable('agencies')
    .addColumn('reconsideration_body_reason', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agencies').dropColumn('reconsideration_body_reason').execute();
  await db.schema.alterTable('agencies').dropColumn('delivery_margin_days').execute();
}
