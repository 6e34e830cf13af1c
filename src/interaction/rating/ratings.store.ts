/** Kysely queries for public-rating campaigns, invitations and responses; nothing else. */
import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { RatingCampaignTable, RatingResponseTable } from '../interaction.schema.js';

type CampaignRow = Selectable<RatingCampaignTable>;

export interface AgencyResult {
  agencyId: string;
  round: string;
  responses: number;
  accuracy: number;
  timeliness: number;
  procedure: number;
  institution: number;
}

export const ratingsStore = {
  async insertCampaign(
    db: Queryable,
    row: Insertable<RatingCampaignTable>,
    agencyIds: string[],
  ): Promise<void> {
    await db.insertInto('rating_campaigns').values(row).execute();
    await db
      .insertInto('rating_campaign_agencies')
      .values(agencyIds.map((agency_id) => ({ campaign_id: row.id, agency_id })))
      .execute();
  },

  async campaign(db: Queryable, id: string): Promise<CampaignRow | undefined> {
    return db.selectFrom('rating_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async campaignAgencies(db: Queryable, id: string): Promise<string[]> {
    const rows = await db
      .selectFrom('rating_campaign_agencies')
      .select('agency_id')
      .where('campaign_id', '=', id)
      .execute();
    return rows.map((r) => r.agency_id);
  },

  async campaignsOf(db: Queryable, organiserIds: readonly string[]): Promise<CampaignRow[]> {
    if (organiserIds.length === 0) return [];
    return db
      .selectFrom('rating_campaigns')
      .selectAll()
      .where('organiser_id', 'in', [...organiserIds])
      .orderBy('opens_on', 'desc')
      .execute();
  },

  /** Campaigns open on `day` that the organiser's site shows to the public. */
  async openPublic(db: Queryable, organiserId: string, day: string): Promise<CampaignRow[]> {
    return db
      .selectFrom('rating_campaigns')
      .selectAll()
      .where('organiser_id', '=', organiserId)
      .where('opens_on', '<=', day)
      .where('closes_on', '>=', day)
      .orderBy('opens_on', 'desc')
      .execute();
  },

  async insertInvitation(
    db: Queryable,
    row: { id: string; campaignId: string; codeHash: string; kind: string; label: string; at: string },
  ): Promise<void> {
    await db
      .insertInto('rating_invitations')
      .values({
        id: row.id,
        campaign_id: row.campaignId,
        code_hash: row.codeHash,
        evaluator_kind: row.kind,
        label: row.label,
        created_at: row.at,
      })
      .execute();
  },

  async invitationByHash(db: Queryable, codeHash: string) {
    return db
      .selectFrom('rating_invitations')
      .selectAll()
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
  },

  async invitations(db: Queryable, campaignId: string) {
    return db
      .selectFrom('rating_invitations')
      .select(['id', 'evaluator_kind', 'label', 'created_at'])
      .where('campaign_id', '=', campaignId)
      .orderBy('created_at')
      .execute();
  },

  async answered(db: Queryable, invitationId: string, agencyId: string): Promise<boolean> {
    const r = await db
      .selectFrom('rating_responses')
      .select('id')
      .where('invitation_id', '=', invitationId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return r !== undefined;
  },

  async insertResponse(db: Queryable, row: Insertable<RatingResponseTable>): Promise<void> {
    await db.insertInto('rating_responses').values(row).execute();
  },

  /** All responses about one agency in the campaigns of a year: how many campaigns and answers, averages. */
  async yearSummary(db: Queryable, agencyId: string, year: number) {
    return db
      .selectFrom('rating_responses as r')
      .innerJoin('rating_campaigns as c', 'c.id', 'r.campaign_id')
      .select((eb) => [
        eb.fn.count<number>('r.campaign_id').distinct().as('campaigns'),
        eb.fn.countAll<number>().as('n'),
        eb.fn.avg<number>('r.accuracy').as('accuracy'),
        eb.fn.avg<number>('r.timeliness').as('timeliness'),
        eb.fn.avg<number>('r.procedure').as('procedure'),
        eb.fn.avg<number>('r.institution').as('institution'),
      ])
      .where('r.agency_id', '=', agencyId)
      .where('c.year', '=', year)
      .executeTakeFirstOrThrow();
  },

  /** Averages per agency and round of one campaign. */
  async results(db: Queryable, campaignId: string): Promise<AgencyResult[]> {
    const rows = await db
      .selectFrom('rating_responses')
      .select((eb) => [
        'agency_id',
        'round',
        eb.fn.countAll<number>().as('n'),
        eb.fn.avg<number>('accuracy').as('accuracy'),
        eb.fn.avg<number>('timeliness').as('timeliness'),
        eb.fn.avg<number>('procedure').as('procedure'),
        eb.fn.avg<number>('institution').as('institution'),
      ])
      .where('campaign_id', '=', campaignId)
      .groupBy(['agency_id', 'round'])
      .execute();
    return rows.map((r) => ({
      agencyId: r.agency_id,
      round: r.round,
      responses: Number(r.n),
      accuracy: Number(r.accuracy),
      timeliness: Number(r.timeliness),
      procedure: Number(r.procedure),
      institution: Number(r.institution),
    }));
  },
};
