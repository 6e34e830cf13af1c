import { checkReportYear } from '../agency-report.js';

/** Admin URLs of the report screens, in one place. */
export const reportPaths = {
  index: '/admin/reports',
  report: (agencyId: string, year: number) => `/admin/reports/${agencyId}/${year}`,
  cell: (agencyId: string, year: number, cellId: string) =>
    `/admin/reports/${agencyId}/${year}/cells/${encodeURIComponent(cellId)}`,
  article20: (agencyId: string, year: number) => `/admin/reports/${agencyId}/${year}/article20`,
  register: (agencyId: string, year: number) => `/admin/reports/${agencyId}/${year}/register`,
  table3: (agencyId: string, year: number) => `/admin/reports/${agencyId}/${year}/table3`,
};

/** The year segment of a report URL; anything but a year of a national format is refused in Chinese. */
export function yearOf(text: string): number {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  checkReportYear(year);
  return year;
}
