/**
 * Validating a table 二 entry before it is stored (entry screen or XLSX/CSV import): the row and columns must
 * exist in the year's format, values must be finite numbers of the right kind, and the source must be named.
 * Returns Chinese problems; empty when the entry is acceptable.
 */
import { findRow } from './model/formats.js';
import type { FormatVersion } from './model/types.js';
import type { Article20Entry } from './ports.js';

export function article20EntryProblems(format: FormatVersion, entry: Article20Entry): string[] {
  const row = findRow(format, entry.rowId);
  if (!row || row.heading || !entry.rowId.startsWith('t2.')) {
    return [`${format}年版格式的主动公开情况表中没有此行（${entry.rowId}）。`];
  }
  const problems: string[] = [];
  if (!entry.source.trim()) problems.push(`“${row.label}”：请注明数据来源。`);
  for (const [columnId, value] of Object.entries(entry.values)) {
    const column = row.columns.find((c) => c.id === columnId);
    if (!column) {
      problems.push(`“${row.label}”没有“${columnId}”这一列。`);
      continue;
    }
    if (value === null) continue;
    const where = `“${row.label}”的“${column.label}”`;
    if (!Number.isFinite(value)) problems.push(`${where}应为数字。`);
    else if (column.kind !== 'change' && value < 0) problems.push(`${where}不能为负数。`);
    else if (column.kind !== 'amount' && !Number.isInteger(value)) problems.push(`${where}应为整数。`);
  }
  return problems;
}
