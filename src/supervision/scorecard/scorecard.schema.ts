import type { SupervisionTables } from '../supervision.schema.js';

/** Kysely types of the scorecard tables (migration 0603). */
export interface ScorecardTable {
  id: string;
  office_id: string;
  year: number;
  /** JSON: { excellent, good, pass } minimum totals. */
  grade_thresholds: string;
  updated_by: string;
  updated_at: string;
  computed_at: string | null;
}

export interface ScorecardMeasureTable {
  scorecard_id: string;
  code: string;
  /** computed | manual */
  kind: string;
  label: string;
  weight: number;
  full_at: number;
  zero_below: number;
  sort_order: number;
}

export interface ScorecardManualScoreTable {
  scorecard_id: string;
  agency_id: string;
  code: string;
  points: number;
  note: string;
  evidence_name: string | null;
  evidence_type: string | null;
  evidence: Buffer | null;
  entered_by: string;
  entered_at: string;
}

export interface ScorecardResultTable {
  scorecard_id: string;
  agency_id: string;
  code: string;
  rate: number | null;
  points: number;
  /** JSON of the figures the rate came from. */
  figures: string;
  explanation: string;
}

/** With the supervision records' tables (0602), so that `Database` joins both through this one import. */
interface ScorecardTables extends SupervisionTables {
  scorecards: ScorecardTable;
  scorecard_measures: ScorecardMeasureTable;
  scorecard_manual_scores: ScorecardManualScoreTable;
  scorecard_results: ScorecardResultTable;
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../../platform/db/schema.js' {
  interface Database extends ScorecardTables {}
}
