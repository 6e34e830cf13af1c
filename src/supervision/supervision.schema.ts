/** Kysely types of the supervision tables (migration 0602). */
export interface AssessmentTable {
  id: string;
  agency_id: string;
  year: number;
  score: number;
  grade: string;
  summary: string;
  recorded_by: string;
  recorded_at: string;
}

export interface AccountabilityCaseTable {
  id: string;
  agency_id: string;
  year: number;
  source: string;
  problem: string;
  responsible: string;
  measure: string;
  report_due_on: string;
  report_text: string | null;
  report_submitted_on: string | null;
  accepted_on: string | null;
  status: string;
  opened_at: string;
}

export interface SupervisionTables {
  assessments: AssessmentTable;
  accountability_cases: AccountabilityCaseTable;
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../platform/db/schema.js' {
  interface Database extends SupervisionTables {}
}
