/**
 * A published version is a frozen snapshot: the report's JSON (tables + checks, `reportToJson`), the narrative
 * and who published it. The digest is SHA-256 over the snapshot's canonical text, shown with each version so
 * that anyone can tell two copies apart.
 */
import { createHash } from 'node:crypto';
import type { RuleResult } from '../reports/checks/finding.js';
import type { AnnualReport } from '../reports/model/types.js';
import { reportToJson, type ReportJson } from '../reports/report-json.js';
import type { Narrative } from './narrative.js';

export interface ReportSnapshot {
  report: ReportJson;
  narrative: Narrative;
}

export function makeSnapshot(
  report: AnnualReport,
  checks: readonly RuleResult[],
  narrative: Narrative,
): { text: string; digest: string } {
  const snapshot: ReportSnapshot = { report: reportToJson(report, checks), narrative };
  const text = JSON.stringify(snapshot);
  return { text, digest: digestOf(text) };
}

export const digestOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const parseSnapshot = (text: string): ReportSnapshot => JSON.parse(text) as ReportSnapshot;
