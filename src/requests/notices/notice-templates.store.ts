/** Storage of agencies' notice templates: one row per agency and notice kind. */
import type { Queryable } from '../../platform/db/database.js';
import type { TemplateTexts } from './notice-templates.js';

export const noticeTemplatesStore = {
  async texts(db: Queryable, agencyId: string, kind: string): Promise<TemplateTexts> {
    const row = await db
      .selectFrom('request_notice_templates')
      .select('texts')
      .where('agency_id', '=', agencyId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row ? (JSON.parse(row.texts) as TemplateTexts) : {};
  },

  /** The kinds an agency has customised, with when and by whom. */
  async customised(
    db: Queryable,
    agencyId: string,
  ): Promise<{ kind: string; updatedAt: string; updatedBy: string }[]> {
    const rows = await db
      .selectFrom('request_notice_templates')
      .select(['kind', 'updated_at', 'updated_by'])
      .where('agency_id', '=', agencyId)
      .execute();
    return rows.map((r) => ({ kind: r.kind, updatedAt: r.updated_at, updatedBy: r.updated_by }));
  },

  async put(
    db: Queryable,
    row: { agencyId: string; kind: string; texts: TemplateTexts; at: string; by: string },
  ): Promise<void> {
    await db
      .deleteFrom('request_notice_templates')
      .where('agency_id', '=', row.agencyId)
      .where('kind', '=', row.kind)
      .execute();
    await db
      .insertInto('request_notice_templates')
      .values({
        agency_id: row.agencyId,
        kind: row.kind,
        texts: JSON.stringify(row.texts),
        updated_at: row.at,
        updated_by: row.by,
      })
      .execute();
  },

  async remove(db: Queryable, agencyId: string, kind: string): Promise<boolean> {
    const r = await db
      .deleteFrom('request_notice_templates')
      .where('agency_id', '=', agencyId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },
};
