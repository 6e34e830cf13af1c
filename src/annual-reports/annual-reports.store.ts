/** Kysely queries for annual report documents and their published versions. Versions are insert-only. */
import type { Queryable } from '../platform/db/database.js';
import { toNarrative, type Narrative } from './narrative.js';
import type { ReportStatus } from './workflow.js';

export interface ReportRecord {
  id: string;
  agencyId: string;
  year: number;
  status: ReportStatus;
  narrative: Narrative;
  returnComment: string | null;
  reissueReason: string | null;
  publishedVersions: number;
  firstPublishedAt: string | null;
  updatedAt: string;
}

export interface PublishedVersion {
  id: string;
  reportId: string;
  agencyId: string;
  year: number;
  version: number;
  snapshot: string;
  digest: string;
  publishedAt: string;
  publishedOn: string;
  publishedBy: string;
  reason: string | null;
  overrideReason: string | null;
}

type Row = {
  id: string;
  agency_id: string;
  year: number;
  status: string;
  narrative: string;
  return_comment: string | null;
  reissue_reason: string | null;
  published_versions: number;
  first_published_at: string | null;
  updated_at: string;
};

const toRecord = (r: Row): ReportRecord => ({
  id: r.id,
  agencyId: r.agency_id,
  year: Number(r.year),
  status: r.status as ReportStatus,
  narrative: toNarrative(JSON.parse(r.narrative)),
  returnComment: r.return_comment,
  reissueReason: r.reissue_reason,
  publishedVersions: Number(r.published_versions),
  firstPublishedAt: r.first_published_at,
  updatedAt: r.updated_at,
});

type VersionRow = {
  id: string;
  report_id: string;
  agency_id: string;
  year: number;
  version: number;
  snapshot: string;
  digest: string;
  published_at: string;
  published_on: string;
  published_by: string;
  reason: string | null;
  override_reason: string | null;
};

const toVersion = (r: VersionRow): PublishedVersion => ({
  id: r.id,
  reportId: r.report_id,
  agencyId: r.agency_id,
  year: Number(r.year),
  version: Number(r.version),
  snapshot: r.snapshot,
  digest: r.digest,
  publishedAt: r.published_at,
  publishedOn: r.published_on,
  publishedBy: r.published_by,
  reason: r.reason,
  overrideReason: r.override_reason,
});

export const annualReportsStore = {
  async byAgencyYear(db: Queryable, agencyId: string, year: number): Promise<ReportRecord | undefined> {
    const r = await db
      .selectFrom('annual_reports')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
    return r ? toRecord(r) : undefined;
  },

  async forAgencies(db: Queryable, agencyIds: readonly string[], year?: number): Promise<ReportRecord[]> {
    if (agencyIds.length === 0) return [];
    let q = db
      .selectFrom('annual_reports')
      .selectAll()
      .where('agency_id', 'in', [...agencyIds]);
    if (year !== undefined) q = q.where('year', '=', year);
    return (await q.orderBy('year', 'desc').execute()).map(toRecord);
  },

  async insert(
    db: Queryable,
    r: { id: string; agencyId: string; year: number; narrative: Narrative; at: string },
  ) {
    await db
      .insertInto('annual_reports')
      .values({
        id: r.id,
        agency_id: r.agencyId,
        year: r.year,
        status: 'draft',
        narrative: JSON.stringify(r.narrative),
        return_comment: null,
        reissue_reason: null,
        published_versions: 0,
        first_published_at: null,
        created_at: r.at,
        updated_at: r.at,
      })
      .execute();
  },

  async update(
    db: Queryable,
    id: string,
    patch: Partial<{
      status: ReportStatus;
      narrative: Narrative;
      returnComment: string | null;
      reissueReason: string | null;
      publishedVersions: number;
      firstPublishedAt: string;
    }>,
    at: string,
  ) {
    await db
      .updateTable('annual_reports')
      .set({
        updated_at: at,
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.narrative !== undefined ? { narrative: JSON.stringify(patch.narrative) } : {}),
        ...(patch.returnComment !== undefined ? { return_comment: patch.returnComment } : {}),
        ...(patch.reissueReason !== undefined ? { reissue_reason: patch.reissueReason } : {}),
        ...(patch.publishedVersions !== undefined ? { published_versions: patch.publishedVersions } : {}),
        ...(patch.firstPublishedAt !== undefined ? { first_published_at: patch.firstPublishedAt } : {}),
      })
      .where('id', '=', id)
      .execute();
  },

  async insertVersion(db: Queryable, v: PublishedVersion) {
    await db
      .insertInto('annual_report_versions')
      .values({
        id: v.id,
        report_id: v.reportId,
        agency_id: v.agencyId,
        year: v.year,
        version: v.version,
        snapshot: v.snapshot,
        digest: v.digest,
        published_at: v.publishedAt,
        published_on: v.publishedOn,
        published_by: v.publishedBy,
        reason: v.reason,
        override_reason: v.overrideReason,
      })
      .execute();
  },

  /** Every published version of an agency's reports, newest year first, versions in order. */
  async versionsOf(db: Queryable, agencyId: string, year?: number): Promise<PublishedVersion[]> {
    let q = db.selectFrom('annual_report_versions').selectAll().where('agency_id', '=', agencyId);
    if (year !== undefined) q = q.where('year', '=', year);
    return (await q.orderBy('year', 'desc').orderBy('version', 'asc').execute()).map(toVersion);
  },

  /** Years with at least one published version, for the portal column. */
  async publishedYears(db: Queryable, agencyId: string): Promise<number[]> {
    const rows = await db
      .selectFrom('annual_report_versions')
      .select('year')
      .distinct()
      .where('agency_id', '=', agencyId)
      .orderBy('year', 'desc')
      .execute();
    return rows.map((r) => Number(r.year));
  },

  /** Narratives of other agencies' reports of a year, for the similarity warning. */
  async narrativesOfYear(db: Queryable, year: number, exceptAgencyId: string) {
    const rows = await db
      .selectFrom('annual_reports')
      .innerJoin('agencies', 'agencies.id', 'annual_reports.agency_id')
      .select(['agencies.name', 'annual_reports.narrative'])
      .where('annual_reports.year', '=', year)
      .where('annual_reports.agency_id', '!=', exceptAgencyId)
      .execute();
    return rows.map((r) => ({ agencyName: r.name, narrative: toNarrative(JSON.parse(r.narrative)) }));
  },
};
