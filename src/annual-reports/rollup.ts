/**
 * The supervisor's roll-up: per subordinate agency and year, the report's status (not started … published),
 * its due day and deadline status, and how many error- and warning-level checks fail. A summary for
 * supervision, not the government's own statutory report.
 */
import type { Agency } from '../agencies/agency.js';
import type { RuleResult } from '../reports/checks/finding.js';
import type { ReportRecord } from './annual-reports.store.js';
import { deadlineStatus, reportDueOn, type DeadlineStatus } from './deadline.js';
import type { ReportStatus } from './workflow.js';

export interface RollupRow {
  agency: Pick<Agency, 'id' | 'name' | 'level'>;
  status: ReportStatus | 'not_started';
  dueOn: string;
  deadline: DeadlineStatus;
  errors: number;
  warnings: number;
}

export function rollupRow(
  agency: Pick<Agency, 'id' | 'name' | 'level'>,
  year: number,
  record: ReportRecord | undefined,
  checks: readonly RuleResult[],
  today: string,
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
  };
}

/** The legal day (Asia/Shanghai, UTC+8 without DST) of an ISO instant. */
function legalDay(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
