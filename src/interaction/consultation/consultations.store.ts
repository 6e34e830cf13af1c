/** Kysely queries for 征集调查 (consultations, their attachments and opinions); nothing else. */
import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { ConsultationOpinionTable, ConsultationTable } from './consultation.schema.js';

export type ConsultationRow = Selectable<ConsultationTable>;
export type OpinionRow = Selectable<ConsultationOpinionTable>;

export const consultationsStore = {
  async insert(db: Queryable, row: Insertable<ConsultationTable>): Promise<void> {
    await db.insertInto('consultations').values(row).execute();
  },

  async insertAttachment(
    db: Queryable,
    a: { id: string; consultationId: string; filename: string; contentType: string; data: Buffer },
  ): Promise<void> {
    await db
      .insertInto('consultation_attachments')
      .values({
        id: a.id,
        consultation_id: a.consultationId,
        filename: a.filename,
        content_type: a.contentType,
        size: a.data.length,
        data: a.data.toString('base64'),
      })
      .execute();
  },

  async byId(db: Queryable, id: string): Promise<ConsultationRow | undefined> {
    return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async ofAgencies(db: Queryable, agencyIds: readonly string[]): Promise<ConsultationRow[]> {
    if (agencyIds.length === 0) return [];
    return db
      .selectFrom('consultations')
      .selectAll()
      .where('agency_id', 'in', [...agencyIds])
      .orderBy('opens_on', 'desc')
      .orderBy('id')
      .execute();
  },

  /** Whether the agency's site has a consultation that has started (the portal section shows then). */
  async anyStarted(db: Queryable, agencyId: string, today: string): Promise<boolean> {
    const r = await db
      .selectFrom('consultations')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('opens_on', '<=', today)
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  },

  async attachments(db: Queryable, consultationId: string) {
    return db
      .selectFrom('consultation_attachments')
      .select(['id', 'filename', 'size'])
      .where('consultation_id', '=', consultationId)
      .orderBy('filename')
      .execute();
  },

  async attachment(db: Queryable, consultationId: string, id: string) {
    return db
      .selectFrom('consultation_attachments')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertOpinion(db: Queryable, row: Insertable<ConsultationOpinionTable>): Promise<void> {
    await db.insertInto('consultation_opinions').values(row).execute();
  },

  async opinions(db: Queryable, consultationId: string): Promise<OpinionRow[]> {
    return db
      .selectFrom('consultation_opinions')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .orderBy('submitted_at')
      .orderBy('id')
      .execute();
  },

  async decide(db: Queryable, opinionId: string, decision: string, reason: string | null): Promise<void> {
    await db
      .updateTable('consultation_opinions')
      .set({ decision, reason })
      .where('id', '=', opinionId)
      .execute();
  },

  /** Publishes the feedback once: returns false when it was already published. */
  async publishFeedback(db: Queryable, id: string, summary: string, at: string): Promise<boolean> {
    const r = await db
      .updateTable('consultations')
      .set({ feedback_summary: summary, feedback_published_at: at })
      .where('id', '=', id)
      .where('feedback_published_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
