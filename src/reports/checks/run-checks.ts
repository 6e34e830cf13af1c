/** Runs every cross-check that applies to a report's format; never throws on bad figures. */
import type { AnnualReport } from '../model/types.js';
import { DEFAULT_CHECK_CONFIG } from './config.js';
import type { CheckContext, Rule, RuleResult } from './finding.js';
import { integerCounts, noBlank, nonNegative } from './rules/cells.js';
import { continuity, feeUnit, ruleMakingPower } from './rules/table2.js';
import { balance, carryOver, outcomeTotal, totalColumn } from './rules/table3.js';
import { groupTotal } from './rules/table4.js';

/** Every rule, errors first, in a stable order (the JSON output and the audit list follow it). */
export const RULES: readonly Rule[] = [
  balance,
  totalColumn,
  outcomeTotal,
  groupTotal,
  nonNegative,
  noBlank,
  carryOver,
  continuity,
  integerCounts,
  ruleMakingPower,
  feeUnit,
];

export function rulesFor(report: AnnualReport): Rule[] {
  return RULES.filter((r) => r.formats.includes(report.format));
}

export function runChecks(report: AnnualReport, context: CheckContext = {}): RuleResult[] {
  const resolved = {
    ...(context.previous ? { previous: context.previous } : {}),
    agencyLevel: context.agencyLevel ?? report.agency.level,
    config: { ...DEFAULT_CHECK_CONFIG, ...context.config },
  };
  return rulesFor(report).map((rule) => {
    const found = rule.check(report, resolved);
    const findings = found === 'skipped' ? [] : found;
    return {
      ruleId: rule.id,
      severity: rule.severity,
      title: rule.title,
      status: found === 'skipped' ? 'skipped' : findings.length ? 'failed' : 'passed',
      findings,
    };
  });
}
