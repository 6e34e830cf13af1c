/** Table 三 identities (statutory.md §2.5 rules 1, 4, 5) and its continuity with last year (rule 8). */
import { cellId, formatOf, outcomeRows } from '../../model/formats.js';
import { APPLICANT_KINDS, T3, TABLE3_COLUMNS } from '../../model/shared-tables.js';
import { allBlank, columnLabel, numberOf, rowLabel, sumOf, valueOf } from '../cells.js';
import type { Finding, Rule } from '../finding.js';

/** 一 + 二 = 三（七）总计 + 四, per column: the form's own 勾稽关系 note. */
export const balance: Rule = {
  id: 't3.balance',
  severity: 'error',
  title: '依申请公开情况表每列：第一项加第二项之和等于第三项加第四项之和',
  basis: 'form',
  formats: ['2019', '2021'],
  check(report) {
    const out: Finding[] = [];
    for (const col of TABLE3_COLUMNS) {
      const ids = [T3.received, T3.carriedOver, T3.outcomeTotal, T3.carriedForward].map((r) =>
        cellId(r, col.id),
      );
      if (allBlank(report, ids)) continue;
      const [received, carried, handled, forward] = ids.map((id) => numberOf(report, id)) as [
        number,
        number,
        number,
        number,
      ];
      const expected = received + carried;
      const actual = handled + forward;
      if (expected !== actual) {
        out.push({
          ruleId: this.id,
          severity: this.severity,
          cells: ids,
          expected,
          actual,
          message: `依申请公开情况表“${col.label}”列：第一项（${received}）加第二项（${carried}）之和为${expected}，第三项总计（${handled}）加第四项（${forward}）之和为${actual}，两者应当相等。`,
        });
      }
    }
    return out;
  },
};

/** 总计 column = the six applicant columns, every row [D]. */
export const totalColumn: Rule = {
  id: 't3.total-column',
  severity: 'error',
  title: '依申请公开情况表每行：总计等于各类申请人之和',
  basis: 'derived',
  formats: ['2019', '2021'],
  check(report) {
    const out: Finding[] = [];
    for (const row of formatOf(report.format).tables.t3.rows) {
      if (row.heading) continue;
      const total = cellId(row.id, 'total');
      const parts = APPLICANT_KINDS.map((k) => cellId(row.id, k));
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
          message: `依申请公开情况表“${row.label}”行：总计应为各类申请人之和${expected}，实际为${actual ?? '空白'}。`,
        });
      }
    }
    return out;
  },
};

/** （七）总计 = every outcome row, per column [D]. */
export const outcomeTotal: Rule = {
  id: 't3.outcome-total',
  severity: 'error',
  title: '依申请公开情况表每列：（七）总计等于各项办理结果之和',
  basis: 'derived',
  formats: ['2019', '2021'],
  check(report) {
    const out: Finding[] = [];
    const rows = outcomeRows(report.format);
    for (const col of TABLE3_COLUMNS) {
      const total = cellId(T3.outcomeTotal, col.id);
      const parts = rows.map((r) => cellId(r.id, col.id));
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
          message: `依申请公开情况表“${col.label}”列：（七）总计应为各项办理结果之和${expected}，实际为${actual ?? '空白'}。`,
        });
      }
    }
    return out;
  },
};

/** 二、上年结转 (Y) = 四、结转下年度继续办理 (Y−1), per column [D]. */
export const carryOver: Rule = {
  id: 't3.carry-over',
  severity: 'warning',
  title: '上年结转数与上年年报结转下年度数一致',
  basis: 'derived',
  formats: ['2019', '2021'],
  check(report, { previous }) {
    if (!previous || previous.year !== report.year - 1) return 'skipped';
    const out: Finding[] = [];
    for (const col of TABLE3_COLUMNS) {
      const now = cellId(T3.carriedOver, col.id);
      const before = cellId(T3.carriedForward, col.id);
      const expected = valueOf(previous, before);
      const actual = valueOf(report, now);
      if (expected === null || actual === null || expected === actual) continue;
      out.push({
        ruleId: this.id,
        severity: this.severity,
        cells: [now],
        expected,
        actual,
        message: `依申请公开情况表“${columnLabel(report, now)}”列：“${rowLabel(report, T3.carriedOver)}”为${actual}，而${previous.year}年度年报“${rowLabel(previous, T3.carriedForward)}”为${expected}，两者应当一致。`,
      });
    }
    return out;
  },
};
