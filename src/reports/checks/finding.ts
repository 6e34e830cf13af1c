/**
 * A cross-check (勾稽关系) is a named rule over a report; it returns findings, never throws. The auditor runs
 * the same rules over reports parsed from published text.
 */
import type { AgencyLevel, AnnualReport, CellId, FormatVersion } from '../model/types.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The cells involved, the checked one first. */
  cells: CellId[];
  expected: number | string | null;
  actual: number | string | null;
  /** Chinese, for staff and for published audit results. */
  message: string;
}

export interface CheckContext {
  /** The same agency's report for the year before, for continuity checks. */
  previous?: AnnualReport;
  /** Defaults to the report's agency level. */
  agencyLevel?: AgencyLevel;
  config?: Partial<CheckConfig>;
}

export interface CheckConfig {
  /** Levels whose governments or departments may make 规章 (立法法 Art. 91–93). */
  ruleMakingLevels: readonly AgencyLevel[];
  /** A 行政事业性收费 amount at or above this many 万元 is probably written in 元 [D]. */
  feeAmountSuspectWan: Readonly<Partial<Record<AgencyLevel, number>>> & { default: number };
}

/** The context a rule sees: agency level resolved, configuration complete. */
interface ResolvedContext {
  previous?: AnnualReport;
  agencyLevel: AgencyLevel;
  config: CheckConfig;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** What the rule checks, in Chinese. */
  title: string;
  /** Where the rule comes from: the form's own note [V], our derivation from the layout [D], or plausibility. */
  basis: 'form' | 'derived' | 'plausibility';
  /** Formats the rule applies to. */
  formats: readonly FormatVersion[];
  /** Returns findings, or 'skipped' when the input it needs is missing (e.g. no previous report). */
  check: (report: AnnualReport, context: ResolvedContext) => Finding[] | 'skipped';
}

export type RuleStatus = 'passed' | 'failed' | 'skipped';

export interface RuleResult {
  ruleId: string;
  severity: Severity;
  title: string;
  status: RuleStatus;
  findings: Finding[];
}
