/** Tables of the annual-report documents (migration 0700). */
/** Annual report documents (migration 0700): the working record and its published versions. */
interface AnnualReportTables {
  annual_reports: {
    id: string;
    agency_id: string;
    year: number;
    status: string;
    /** JSON: the narrative parts by id (see src/annual-reports/narrative.ts). */
    narrative: string;
    return_comment: string | null;
    reissue_reason: string | null;
    published_versions: number;
    first_published_at: string | null;
    created_at: string;
    updated_at: string;
  };
  annual_report_versions: {
    id: string;
    report_id: string;
    agency_id: string;
    year: number;
    version: number;
    /** JSON: the frozen tables, checks and narrative; never updated. */
    snapshot: string;
    digest: string;
    published_at: string;
    published_on: string;
    published_by: string;
    reason: string | null;
    override_reason: string | null;
  };
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../platform/db/schema.js' {
  interface Database extends AnnualReportTables {}
}
