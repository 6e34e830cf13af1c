/** Tables of the annual-report inputs (migration 0200). */
/** Annual-report inputs (src/reports/stores/). */
export interface ReportTables {
  report_article20: {
    agency_id: string;
    year: number;
    row_id: string;
    /** JSON: column id → number | null. */
    values_json: string;
    source: string;
    updated_at: string;
  };
  report_table3_entries: {
    agency_id: string;
    year: number;
    /** JSON: cell id → count. */
    cells_json: string;
    source: string;
    updated_at: string;
  };
  report_disputes: {
    id: string;
    agency_id: string;
    request_id: string | null;
    /** 案号 or the staff's own reference. */
    reference: string;
    first_filed_on: string;
    created_at: string;
  };
  report_dispute_stages: {
    dispute_id: string;
    seq: number;
    kind: string;
    body: string;
    filed_on: string;
    decided_on: string | null;
    result: string | null;
  };
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../platform/db/schema.js' {
  interface Database extends ReportTables {}
}
