/**
 * The published version's snapshot with this document's narrative: the format is src/reports/snapshot.ts
 * (the supervisor's scorecard reads it too).
 */
import type { RuleResult } from '../reports/checks/finding.js';
import type { AnnualReport } from '../reports/model/types.js';
import {
  makeSnapshot as make,
  parseSnapshot as parse,
  type ReportSnapshot as Stored,
} from '../reports/snapshot.js';
import type { Narrative } from './narrative.js';

export { digestOf } from '../reports/snapshot.js';

export type ReportSnapshot = Stored<Narrative>;

export const makeSnapshot = (
  report: AnnualReport,
  checks: readonly RuleResult[],
  narrative: Narrative,
): { text: string; digest: string } => make(report, checks, narrative);

export const parseSnapshot = (text: string): ReportSnapshot => parse<Narrative>(text);
