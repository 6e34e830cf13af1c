// Frozen in time: never import application code into a migration.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 社会评议: a campaign organised by a supervising office, over some agencies, for a period.
  await db.schema
    .createTable('rating_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organiser_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('public_round', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rating_campaign_agencies')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('rating_campaigns.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('rating_campaign_agencies_pk', ['campaign_id', 'agency_id'])
    .execute();
  // Invited evaluators (deputies, CPPCC members, residents, businesses): a code each, stored as a hash.
  await db.schema
    .createTable('rating_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('rating_campaigns.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('evaluator_kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rating_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('rating_campaigns.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('round', 'text', (c) => c.notNull())
    .addColumn('invitation_id', 'text', (c) => c.references('rating_invitations.id'))
    .addColumn('accuracy', 'integer', (c) => c.notNull())
    .addColumn('timeliness', 'integer', (c) => c.notNull())
    .addColumn('procedure', 'integer', (c) => c.notNull())
    .addColumn('institution', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rating_responses_campaign_agency')
    .on('rating_responses')
    .columns(['campaign_id', 'agency_id'])
    .execute();
  // One answer per invited evaluator and agency.
  await db.schema
    .createIndex('rating_responses_invitation_agency')
    .on('rating_responses')
    .columns(['invitation_id', 'agency_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['rating_responses', 'rating_invitations', 'rating_campaign_agencies', 'rating_campaigns'])
    await db.schema.dropTable(t).execute();
}
