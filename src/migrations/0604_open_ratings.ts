// Frozen in time: never import application code into a migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 社会评议, always open: a member of the public rates an agency's disclosure (four criteria, 1–5) or one
  // published catalog item (useful yes/no, optional 1–5). A comment waits for moderation before it is shown.
  await db.schema
    .createTable('open_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('accuracy', 'integer')
    .addColumn('timeliness', 'integer')
    .addColumn('procedure', 'integer')
    .addColumn('institution', 'integer')
    .addColumn('useful', 'integer')
    .addColumn('score', 'integer')
    .addColumn('comment', 'text')
    .addColumn('comment_status', 'text', (c) => c.notNull())
    .addColumn('moderation_reason', 'text')
    .addColumn('moderated_at', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('rated_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('open_ratings_agency_day')
    .on('open_ratings')
    .columns(['agency_id', 'rated_on'])
    .execute();
  await db.schema
    .createIndex('open_ratings_agency_comment')
    .on('open_ratings')
    .columns(['agency_id', 'comment_status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('open_ratings').execute();
}
