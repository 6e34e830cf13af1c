/** Table 四: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (statutory.md §2.5 rule 6). */
import { cellId } from '../../model/formats.js';
import { T4_GROUPS, T4_RESULTS, T4_ROW } from '../../model/shared-tables.js';
import { allBlank, sumOf, valueOf } from '../cells.js';
import type { Finding, Rule } from '../finding.js';

const GROUP_NAMES = {
  review: '行政复议',
  direct: '行政诉讼·未经复议直接起诉',
  afterReview: '行政诉讼·复议后起诉',
} as const;

export const groupTotal: Rule = {
  id: 't4.group-total',
  severity: 'error',
  title: '行政复议、行政诉讼情况表各组：总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  basis: 'derived',
  formats: ['2019', '2021'],
  check(report) {
    const out: Finding[] = [];
    for (const g of T4_GROUPS) {
      const total = cellId(T4_ROW, `${g}.total`);
      const parts = T4_RESULTS.map((r) => cellId(T4_ROW, `${g}.${r}`));
      if (allBlank(report, [total, ...parts])) continue;
      const expected = sumOf(report, parts);
      const actual = valueOf(report, total);
      if (actual !== expected) {
        out.push({
          ruleId: this.id,
          severity: this.severity,
          cells: [total, ...parts],
          expected,
          actual,
          message: `行政复议、行政诉讼情况表“${GROUP_NAMES[g]}”：总计应为${expected}，实际为${actual ?? '空白'}。`,
        });
      }
    }
    return out;
  },
};
