/**
 * When an annual report is due and whether it was published on time.
 *
 * Art. 49: departments of governments at county level and above publish (and submit to their supervising
 * office) by 31 January; a county-or-higher government's own report is published by 31 March. Townships and
 * streets are not fixed by Art. 49 (statutory.md §2.7): the supervising office sets a date; the default here is
 * 31 January, configurable per deployment.
 */
import type { AgencyLevel } from '../access/agency.js';

interface DeadlineConfig {
  /** MM-DD of the year after the reporting year, for townships and streets. */
  townshipDue: string;
}

const DEFAULT_DEADLINES: DeadlineConfig = { townshipDue: '01-31' };

/** The day (YYYY-MM-DD) by which the report for `year` must be published. */
export function reportDueOn(
  level: AgencyLevel,
  year: number,
  config: DeadlineConfig = DEFAULT_DEADLINES,
): string {
  const next = year + 1;
  if (level === 'province' || level === 'city' || level === 'county') return `${next}-03-31`;
  if (level === 'township' || level === 'street') return `${next}-${config.townshipDue}`;
  return `${next}-01-31`;
}

export type DeadlineStatus = 'on_time' | 'late' | 'pending' | 'overdue';

export const deadlineLabel: Record<DeadlineStatus, string> = {
  on_time: '按时公开',
  late: '逾期公开',
  pending: '未到期',
  overdue: '已逾期未公开',
};

/**
 * `publishedOn` is the legal day of the first publication (a later correction does not make a report late);
 * `today` is the current legal day. Published on the due day counts as on time.
 */
export function deadlineStatus(dueOn: string, publishedOn: string | null, today: string): DeadlineStatus {
  if (publishedOn) return publishedOn <= dueOn ? 'on_time' : 'late';
  return today <= dueOn ? 'pending' : 'overdue';
}
