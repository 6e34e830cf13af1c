/**
 * The report as staff see it while writing: the tables computed now from the sources, the cross-checks (with
 * last year's report for carry-over), and the writing warnings over the current narrative.
 */
import { agenciesStore } from '../access/agencies.store.js';
import { ancestry, type Agency } from '../access/agency.js';
import type { AppContext } from '../platform/context.js';
import type { Queryable } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { computeReport } from '../reports/compute-report.js';
import { runChecks } from '../reports/checks/run-checks.js';
import type { RuleResult } from '../reports/checks/finding.js';
import type { AnnualReport } from '../reports/model/types.js';
import type { ReportSources } from '../reports/ports.js';
import { reportSourcesFor } from '../reports/report-sources.js';
import { annualReportsStore, type ReportRecord } from './annual-reports.store.js';
import type { Narrative } from './narrative.js';
import { agencyRefOf } from '../reports/agency-ref.js';
import { draftNarrative } from './writing/draft.js';
import { feesCollectedYuan } from '../requests/fees-collected.js';
import { supervisionFacts, supervisionParagraphZh } from '../supervision/supervision-facts.js';
import { foreignRegionWarnings } from './writing/foreign-region.js';
import { checkNarrativeNumbers, type WritingWarning } from './writing/narrative-numbers.js';
import { placeholderWarnings } from './writing/placeholders.js';
import { similarityWarnings } from './writing/similarity.js';

export interface WorkingReport {
  agency: Agency;
  year: number;
  record: ReportRecord | undefined;
  report: AnnualReport;
  checks: RuleResult[];
  /** Error-level checks that fail: publication is blocked while any remain (unless overridden with a reason). */
  failingErrors: RuleResult[];
  draft: Narrative;
}

/** What the roll-up loads once for many agencies instead of per agency. */
interface Preloaded {
  all: readonly Agency[];
  record: ReportRecord | undefined;
  previousRecord: ReportRecord | undefined;
  /** Sources already loaded for every agency in the roll-up (see bulk-sources.ts). */
  sources?: ReportSources;
}

/** The tables and cross-checks without the draft: what the roll-up needs for each agency. */
type CheckedReport = Omit<WorkingReport, 'draft'> & { previousRecord: ReportRecord | undefined };

/**
 * The report's numbers come from `sources`: by default the report stores (src/reports/report-sources.ts);
 * tests and benchmarks pass their own.
 */
export async function computeCheckedReport(
  ctx: AppContext,
  agency: Agency,
  year: number,
  preloaded?: Preloaded,
  sources: ReportSources = preloaded?.sources ?? reportSourcesFor(ctx),
): Promise<CheckedReport> {
  const ref = agencyRefOf(agency, preloaded?.all ?? (await agenciesStore.all(ctx.db)));
  const [report, previous, record, previousRecord] = await Promise.all([
    computeReport(ref, year, sources),
    computeReport(ref, year - 1, sources),
    preloaded ? preloaded.record : annualReportsStore.byAgencyYear(ctx.db, agency.id, year),
    preloaded ? preloaded.previousRecord : annualReportsStore.byAgencyYear(ctx.db, agency.id, year - 1),
  ]);
  // Last year's figures count for carry-over only when a report for that year exists or has data.
  const hasPrevious = previousRecord !== undefined || Object.values(previous.tables.t3).some((v) => v);
  const checks = runChecks(report, hasPrevious ? { previous } : {});
  return {
    agency,
    year,
    record,
    previousRecord,
    report,
    checks,
    failingErrors: checks.filter((c) => c.severity === 'error' && c.status === 'failed'),
  };
}

export async function computeWorkingReport(
  ctx: AppContext,
  agency: Agency,
  year: number,
  sources?: ReportSources,
): Promise<WorkingReport> {
  const { previousRecord, ...checked } = await computeCheckedReport(ctx, agency, year, undefined, sources);
  const draft = draftNarrative(checked.report, {
    feesCollectedYuan: await feesCollectedYuan(ctx.db, agency.id, year),
    previousImprovements: previousRecord?.narrative['s5.improvements'] || null,
    oversight: supervisionParagraphZh(await supervisionFacts(ctx.db, agency.id, year)),
  });
  return { ...checked, draft };
}

export async function loadAgency(db: Queryable, agencyId: string): Promise<Agency> {
  const agency = await agenciesStore.byId(db, agencyId);
  if (!agency) throw notFound('该机关');
  return agency;
}

/** Every writing warning for a narrative: numbers, placeholders, copied text, foreign regions. */
export async function writingWarnings(
  ctx: AppContext,
  w: Pick<WorkingReport, 'agency' | 'year' | 'report'>,
  narrative: Narrative,
): Promise<WritingWarning[]> {
  const all = await agenciesStore.all(ctx.db);
  const own = ancestry(all, w.agency.id);
  const ownIds = new Set(own.map((a) => a.id));
  const regional = new Set(['province', 'city', 'county', 'township', 'street']);
  const [lastYear, sameYear] = await Promise.all([
    annualReportsStore.byAgencyYear(ctx.db, w.agency.id, w.year - 1),
    annualReportsStore.narrativesOfYear(ctx.db, w.year, w.agency.id),
  ]);
  return [
    ...checkNarrativeNumbers(w.report, narrative),
    ...placeholderWarnings(narrative),
    ...similarityWarnings(narrative, [
      ...(lastYear ? [{ label: `本机关${w.year - 1}年年报`, narrative: lastYear.narrative }] : []),
      ...sameYear.map((o) => ({ label: `${o.agencyName}${w.year}年年报`, narrative: o.narrative })),
    ]),
    ...foreignRegionWarnings(narrative, {
      ownNames: own.flatMap((a) => [a.name, a.shortName]),
      otherNames: all
        .filter((a) => !ownIds.has(a.id) && regional.has(a.level))
        .flatMap((a) => [a.name, a.shortName]),
    }),
  ];
}
