/** Kysely queries of a site's footer identifiers and the leader/agency name register, nothing else. */
import type { Queryable } from '../../platform/db/database.js';
import type { NameRegister, SiteIdentity } from './site-identity.js';

export const siteStore = {
  async identity(db: Queryable, agencyId: string): Promise<SiteIdentity | undefined> {
    const r = await db
      .selectFrom('catalog_site_identity')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return (
      r && {
        siteCode: r.site_code,
        icpNo: r.icp_no,
        psbNo: r.psb_no,
        partyMarkUrl: r.party_mark_url,
        errorReportUrl: r.error_report_url,
      }
    );
  },
  async putIdentity(db: Queryable, agencyId: string, s: SiteIdentity): Promise<void> {
    const row = {
      site_code: s.siteCode,
      icp_no: s.icpNo,
      psb_no: s.psbNo,
      party_mark_url: s.partyMarkUrl,
      error_report_url: s.errorReportUrl,
    };
    const updated = await db
      .updateTable('catalog_site_identity')
      .set(row)
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto('catalog_site_identity')
        .values({ agency_id: agencyId, ...row })
        .execute();
  },
  async names(db: Queryable, agencyId: string): Promise<NameRegister> {
    const rows = await db
      .selectFrom('catalog_name_register')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('sort_order')
      .execute();
    return {
      leaders: rows.filter((r) => r.kind === 'leader').map((r) => ({ post: r.post, name: r.name })),
      agencies: rows.filter((r) => r.kind === 'agency').map((r) => r.name),
    };
  },
  async replaceNames(
    db: Queryable,
    agencyId: string,
    rows: Array<{ id: string; kind: 'leader' | 'agency'; name: string; post: string; sortOrder: number }>,
  ): Promise<void> {
    await db.deleteFrom('catalog_name_register').where('agency_id', '=', agencyId).execute();
    if (!rows.length) return;
    await db
      .insertInto('catalog_name_register')
      .values(
        rows.map((r) => ({
          id: r.id,
          agency_id: agencyId,
          kind: r.kind,
          name: r.name,
          post: r.post,
          sort_order: r.sortOrder,
        })),
      )
      .execute();
  },
};
