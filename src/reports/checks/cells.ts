/** Reading cells and naming them in Chinese, for the rules. */
import { findRow, splitCellId, tableOf } from '../model/formats.js';
import type { AnnualReport, CellId, CellValue } from '../model/types.js';

export const TABLE_NAMES = {
  t2: '主动公开情况表',
  t3: '依申请公开情况表',
  t4: '行政复议、行政诉讼情况表',
} as const;

export function valueOf(report: AnnualReport, id: CellId): CellValue {
  return report.tables[tableOf(id)][id] ?? null;
}

/** Blank counts as 0 in arithmetic; blanks are reported by their own rule. */
export function numberOf(report: AnnualReport, id: CellId): number {
  return valueOf(report, id) ?? 0;
}

export function sumOf(report: AnnualReport, ids: readonly CellId[]): number {
  // Rounded so that amounts in 万元 with two decimals do not trip float noise.
  return Math.round(ids.reduce((s, id) => s + numberOf(report, id), 0) * 1e6) / 1e6;
}

export function allBlank(report: AnnualReport, ids: readonly CellId[]): boolean {
  return ids.every((id) => valueOf(report, id) === null);
}

export function rowLabel(report: AnnualReport, rowId: string): string {
  return findRow(report.format, rowId)?.label ?? rowId;
}

export function columnLabel(report: AnnualReport, id: CellId): string {
  const { rowId, columnId } = splitCellId(id);
  const column = findRow(report.format, rowId)?.columns.find((c) => c.id === columnId);
  return column ? [...column.groups.filter((g) => g !== '申请人情况'), column.label].join('·') : columnId;
}

/** e.g. 依申请公开情况表“（一）予以公开”行“自然人”列 */
export function describeCell(report: AnnualReport, id: CellId): string {
  const { rowId } = splitCellId(id);
  const table = TABLE_NAMES[tableOf(id)];
  const row = rowLabel(report, rowId);
  return row ? `${table}“${row}”行“${columnLabel(report, id)}”列` : `${table}“${columnLabel(report, id)}”列`;
}
