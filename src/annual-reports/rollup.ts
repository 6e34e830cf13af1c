/**
 * The supervisor's roll-up: per subordinate agency and year, the report's status (not started … published),
 * its due day and deadline status, and how many error- and warning-level checks fail. A summary for
 * supervision, not the government's own statutory report.
 */
import type { Agency } from '../access/agency.js';
import type { RuleResult } from '../reports/checks/finding.js';
import type { ReportRecord } from './annual-reports.store.js';
import { deadlineStatus, reportDueOn, type DeadlineStatus } from '../reports/deadline.js';
import type { ReportStatus } from './workflow.js';
import type { ReportFigures } from './writing/figures.js';

/** Figures shown side by side in the roll-up, in order, with their labels. */
export const ROLLUP_FIGURES: readonly { key: keyof ReportFigures; label: string }[] = [
  { key: 'received', label: '新收申请' },
  { key: 'carriedOver', label: '上年结转' },
  { key: 'concluded', label: '办结' },
  { key: 'granted', label: '予以公开' },
  { key: 'partlyGranted', label: '部分公开' },
  { key: 'carriedForward', label: '结转下年度' },
  { key: 'reviews', label: '行政复议' },
  { key: 'lawsuits', label: '行政诉讼' },
];

/** The regional statistical summary: the sum of each figure over the rows (a summary, not a statutory report). */
export function regionalSummary(rows: readonly RollupRow[]): Record<string, number> {
  return Object.fromEntries(
    ROLLUP_FIGURES.map((f) => [f.key, rows.reduce((sum, r) => sum + (r.figures?.[f.key] ?? 0), 0)]),
  );
}

export interface RollupRow {
  agency: Pick<Agency, 'id' | 'name' | 'level'>;
  status: ReportStatus | 'not_started';
  dueOn: string;
  deadline: DeadlineStatus;
  errors: number;
  warnings: number;
  /** The main table figures, for the side-by-side view and the regional summary. */
  figures?: ReportFigures;
}

export function rollupRow(
  agency: Pick<Agency, 'id' | 'name' | 'level'>,
  year: number,
  record: ReportRecord | undefined,
  checks: readonly RuleResult[],
  today: string,
  figures?: ReportFigures,
): RollupRow {
  const dueOn = reportDueOn(agency.level, year);
  const publishedOn = record?.firstPublishedAt ? legalDay(record.firstPublishedAt) : null;
  const failed = checks.filter((c) => c.status === 'failed');
  return {
    agency,
    status: record?.status ?? 'not_started',
    dueOn,
    deadline: deadlineStatus(dueOn, publishedOn, today),
    errors: failed.filter((c) => c.severity === 'error').length,
    warnings: failed.filter((c) => c.severity === 'warning').length,
    ...(figures ? { figures } : {}),
  };
}

/** The legal day (Asia/Shanghai, UTC+8 without DST) of an ISO instant. */
function legalDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
