/**
 * An agency's computed report for a year with its cross-checks. The previous year's report is computed for
 * the continuity rules only when that year has figures in the system; otherwise those rules are skipped
 * rather than failed against an empty year.
 */
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import type { AppContext } from '../platform/context.js';
import { validationFailed } from '../platform/errors.js';
import { agencyRefOf } from './agency-ref.js';
import type { RuleResult } from './checks/finding.js';
import { runChecks } from './checks/run-checks.js';
import { computeReport } from './compute-report.js';
import { FORMAT_FIRST_YEAR } from './model/formats.js';
import type { AnnualReport } from './model/types.js';
import { reportSourcesFor } from './report-sources.js';
import { article20Store } from './stores/article20.store.js';
import { table3EntriesStore } from './stores/table3-entries.store.js';

interface AgencyReport {
  report: AnnualReport;
  checks: RuleResult[];
  previous?: AnnualReport;
}

/** Reporting years the national formats cover (the 2019 trial format is the earliest). */
function reportYearProblem(year: number): string | undefined {
  if (!Number.isInteger(year) || year < FORMAT_FIRST_YEAR['2019'] || year > 2100) {
    return `年度应为 ${FORMAT_FIRST_YEAR['2019']} 年以后的四位年份。`;
  }
  return undefined;
}

export function checkReportYear(year: number): void {
  const problem = reportYearProblem(year);
  if (problem) throw validationFailed({ year: problem }, problem);
}

async function hasFigures(ctx: AppContext, agencyId: string, year: number): Promise<boolean> {
  return (
    (await article20Store.hasYear(ctx.db, agencyId, year)) ||
    (await table3EntriesStore.get(ctx.db, agencyId, year)) !== undefined
  );
}

export async function agencyReport(ctx: AppContext, agency: Agency, year: number): Promise<AgencyReport> {
  checkReportYear(year);
  const all = await agenciesStore.all(ctx.db);
  const ref = agencyRefOf(agency, all);
  const sources = reportSourcesFor(ctx);
  const report = await computeReport(ref, year, sources);
  const previous =
    year > FORMAT_FIRST_YEAR['2019'] && (await hasFigures(ctx, agency.id, year - 1))
      ? await computeReport(ref, year - 1, sources)
      : undefined;
  const checks = runChecks(report, previous ? { previous } : {});
  return { report, checks, ...(previous ? { previous } : {}) };
}
