/** Rules over single cells: none blank, none negative (statutory.md §2.5 rule 7), counts whole. */
import { cellsOf, formatOf, tableOf } from '../../model/formats.js';
import type { CellDef } from '../../model/formats.js';
import type { AnnualReport } from '../../model/types.js';
import { TABLE_NAMES, describeCell, valueOf } from '../cells.js';
import type { Finding, Rule } from '../finding.js';

function allCells(report: AnnualReport): CellDef[] {
  const format = formatOf(report.format);
  return [...cellsOf(format.tables.t2), ...cellsOf(format.tables.t3), ...cellsOf(format.tables.t4)];
}

/** The form has no optional cells; a row left out (like the seed report's （五）3 onward) is a defect. */
export const noBlank: Rule = {
  id: 'cells.complete',
  severity: 'error',
  title: '表格各行各列均已填写（无数据填0）',
  basis: 'form',
  formats: ['2019', '2021'],
  check(report) {
    const blanksByRow = new Map<string, string[]>();
    for (const c of allCells(report)) {
      if (valueOf(report, c.id) !== null) continue;
      const list = blanksByRow.get(c.row.id);
      if (list) list.push(c.id);
      else blanksByRow.set(c.row.id, [c.id]);
    }
    return [...blanksByRow.entries()].map(([rowId, cells]) => {
      const table = tableOf(rowId);
      const row = formatOf(report.format).tables[table].rows.find((r) => r.id === rowId);
      const name = row?.label ? `“${row.label}”行` : '数据行';
      return {
        ruleId: this.id,
        severity: this.severity,
        cells,
        expected: '数字（无数据填0）',
        actual: null,
        message: `${TABLE_NAMES[table]}${name}有${cells.length}个单元格未填写。`,
      };
    });
  },
};

/** Counts and amounts are never negative; only 2019's 本年增/减 may be. */
export const nonNegative: Rule = {
  id: 'cells.non-negative',
  severity: 'error',
  title: '数量和金额不为负数',
  basis: 'derived',
  formats: ['2019', '2021'],
  check(report) {
    const out: Finding[] = [];
    for (const c of allCells(report)) {
      const v = valueOf(report, c.id);
      if (v === null || c.column.kind === 'change' || v >= 0) continue;
      out.push({
        ruleId: this.id,
        severity: this.severity,
        cells: [c.id],
        expected: '≥0',
        actual: v,
        message: `${describeCell(report, c.id)}填报了负数${v}。`,
      });
    }
    return out;
  },
};

/** Counts are whole numbers; only amounts in 万元 may have decimals. */
export const integerCounts: Rule = {
  id: 'cells.integer',
  severity: 'warning',
  title: '件数、项目数为整数',
  basis: 'derived',
  formats: ['2019', '2021'],
  check(report) {
    const out: Finding[] = [];
    for (const c of allCells(report)) {
      const v = valueOf(report, c.id);
      if (v === null || c.column.kind === 'amount' || Number.isInteger(v)) continue;
      out.push({
        ruleId: this.id,
        severity: this.severity,
        cells: [c.id],
        expected: '整数',
        actual: v,
        message: `${describeCell(report, c.id)}应为整数，填报了${v}。`,
      });
    }
    return out;
  },
};
