/**
 * A published version is a frozen snapshot: the report's JSON (tables + checks, `reportToJson`) and the
 * document's narrative (src/annual-reports/narrative.ts, hence the type parameter). The digest is SHA-256 over
 * the snapshot's canonical text, shown with each version so that anyone can tell two copies apart. The format
 * lives here, below the annual-report document and the supervisor's scorecard, which both read it.
 */
import { createHash } from 'node:crypto';
import type { RuleResult } from './checks/finding.js';
import type { AnnualReport } from './model/types.js';
import { reportToJson, type ReportJson } from './report-json.js';

export interface ReportSnapshot<N> {
  report: ReportJson;
  narrative: N;
}

export function makeSnapshot<N>(
  report: AnnualReport,
  checks: readonly RuleResult[],
  narrative: N,
): { text: string; digest: string } {
  const snapshot: ReportSnapshot<N> = { report: reportToJson(report, checks), narrative };
  const text = JSON.stringify(snapshot);
  return { text, digest: digestOf(text) };
}

export const digestOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const parseSnapshot = <N>(text: string): ReportSnapshot<N> => JSON.parse(text) as ReportSnapshot<N>;
