/** Table 二: continuity with last year's report and plausibility (statutory.md §2.2 notes, §3.1). */
import { cellId } from '../../model/formats.js';
import type { AnnualReport } from '../../model/types.js';
import { describeCell, rowLabel, valueOf } from '../cells.js';
import type { Finding, Rule } from '../finding.js';

const DOCUMENT_ROWS = ['t2.r1.rule', 't2.r1.normative'];
const ITEM_ROWS = ['t2.r5.licensing', 't2.r5.otherServices', 't2.r6.penalty', 't2.r6.coercion', 't2.r8.fee'];

/**
 * 2021: 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y).
 * 2019: 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1).
 * Revisions and clean-ups break both, hence warnings [D].
 */
export const continuity: Rule = {
  id: 't2.continuity',
  severity: 'warning',
  title: '主动公开情况表与上年年报衔接',
  basis: 'derived',
  formats: ['2019', '2021'],
  check(report, { previous }) {
    if (!previous || previous.year !== report.year - 1 || previous.format !== report.format) return 'skipped';
    return report.format === '2021' ? documents(report, previous, this) : items(report, previous, this);
  },
};

function documents(report: AnnualReport, previous: AnnualReport, rule: Rule): Finding[] {
  const out: Finding[] = [];
  for (const row of DOCUMENT_ROWS) {
    const [now, issued, repealed] = ['inForce', 'issued', 'repealed'].map((c) =>
      valueOf(report, cellId(row, c)),
    );
    const before = valueOf(previous, cellId(row, 'inForce'));
    if (now == null || issued == null || repealed == null || before === null) continue;
    const expected = before + issued - repealed;
    if (expected === now) continue;
    out.push({
      ruleId: rule.id,
      severity: rule.severity,
      cells: [cellId(row, 'inForce'), cellId(row, 'issued'), cellId(row, 'repealed')],
      expected,
      actual: now,
      message: `主动公开情况表“${rowLabel(report, row)}”：现行有效件数为${now}，按上年现行有效${before}件、本年制发${issued}件、废止${repealed}件推算应为${expected}件，请核实。`,
    });
  }
  return out;
}

function items(report: AnnualReport, previous: AnnualReport, rule: Rule): Finding[] {
  const out: Finding[] = [];
  for (const row of ITEM_ROWS) {
    const now = valueOf(report, cellId(row, 'previous'));
    const before = valueOf(previous, cellId(row, 'previous'));
    const change = valueOf(previous, cellId(row, 'change'));
    if (now === null || before === null || change === null) continue;
    const expected = before + change;
    if (expected === now) continue;
    out.push({
      ruleId: rule.id,
      severity: rule.severity,
      cells: [cellId(row, 'previous')],
      expected,
      actual: now,
      message: `主动公开情况表“${rowLabel(report, row)}”：上一年项目数量为${now}，按上年年报（${before}项，增/减${change}）推算应为${expected}项，请核实。`,
    });
  }
  return out;
}

/** Only agencies with rule-making power (立法法 Art. 91–93) make 规章. */
export const ruleMakingPower: Rule = {
  id: 't2.rule-making-power',
  severity: 'warning',
  title: '不具有规章制定权的机关规章数为0',
  basis: 'plausibility',
  formats: ['2019', '2021'],
  check(report, { agencyLevel, config }) {
    if (config.ruleMakingLevels.includes(agencyLevel)) return [];
    const cells = Object.keys(report.tables.t2).filter((id) => id.startsWith('t2.r1.rule:'));
    return cells
      .filter((id) => (valueOf(report, id) ?? 0) > 0)
      .map((id) => ({
        ruleId: this.id,
        severity: this.severity,
        cells: [id],
        expected: 0,
        actual: valueOf(report, id),
        message: `本机关不具有规章制定权，但${describeCell(report, id)}填报了${valueOf(report, id)}，请核实是否应填入规范性文件。`,
      }));
  },
};

/** The 2021 form asks for the fee amount in 万元 (statutory.md §2.5 rule 3); a huge figure was likely typed in 元. */
export const feeUnit: Rule = {
  id: 't2.fee-unit',
  severity: 'warning',
  title: '行政事业性收费金额以万元为单位',
  basis: 'plausibility',
  formats: ['2021'],
  check(report, { agencyLevel, config }) {
    const id = cellId('t2.r8.fee', 'amount');
    const amount = valueOf(report, id);
    const limit = config.feeAmountSuspectWan[agencyLevel] ?? config.feeAmountSuspectWan.default;
    if (amount === null || amount < limit) return [];
    return [
      {
        ruleId: this.id,
        severity: this.severity,
        cells: [id],
        expected: `<${limit}`,
        actual: amount,
        message: `主动公开情况表“行政事业性收费”本年收费金额为${amount}万元，明显偏大，请核实是否误按“元”填报（单位应为万元）。`,
      },
    ];
  },
};
