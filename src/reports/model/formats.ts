/** Looking up formats, rows, columns and cells by id. */
import { DomainError } from '../../platform/errors.js';
import { FORMAT_2019 } from './format-2019.js';
import { FORMAT_2021 } from './format-2021.js';
import { T3 } from './shared-tables.js';
import type {
  CellId,
  Cells,
  ColumnDef,
  ColumnId,
  FormatVersion,
  ReportFormat,
  RowDef,
  RowId,
  TableId,
  TableLayout,
} from './types.js';

export const FORMATS: Readonly<Record<FormatVersion, ReportFormat>> = {
  '2019': FORMAT_2019,
  '2021': FORMAT_2021,
};

/** First reporting year of each template (statutory.md §2: 30号 from reporting year 2021; §3: 60号 for 2019–2020). */
export const FORMAT_FIRST_YEAR: Readonly<Record<FormatVersion, number>> = { '2019': 2019, '2021': 2021 };

/**
 * The template a report for `year` must follow. Years before 2019 predate the 2019 Regulation's format
 * (free-form reports) and have no model.
 */
export function formatForYear(year: number): FormatVersion {
  if (!Number.isInteger(year) || year < FORMAT_FIRST_YEAR['2019']) {
    throw new DomainError('report.year_unsupported', `${year}年度的年报没有统一格式，无法生成。`);
  }
  return year >= FORMAT_FIRST_YEAR['2021'] ? '2021' : '2019';
}

export function formatOf(version: FormatVersion): ReportFormat {
  return FORMATS[version];
}

export function cellId(rowId: RowId, columnId: ColumnId): CellId {
  return `${rowId}:${columnId}`;
}

export function splitCellId(id: CellId): { rowId: RowId; columnId: ColumnId } {
  const at = id.indexOf(':');
  return { rowId: id.slice(0, at), columnId: id.slice(at + 1) };
}

/** The table a row or cell id belongs to. */
export function tableOf(id: string): TableId {
  return id.slice(0, 2) as TableId;
}

export function findRow(version: FormatVersion, rowId: RowId): RowDef | undefined {
  return FORMATS[version].tables[tableOf(rowId)]?.rows.find((r) => r.id === rowId);
}

export interface CellDef {
  id: CellId;
  row: RowDef;
  column: ColumnDef;
}

const cellsCache = new WeakMap<TableLayout, readonly CellDef[]>();

/** Every numeric cell of a table, row by row in the form's order (made once per layout: layouts are fixed). */
export function cellsOf(layout: TableLayout): readonly CellDef[] {
  let cells = cellsCache.get(layout);
  if (!cells) {
    cells = Object.freeze(
      layout.rows.flatMap((row) =>
        row.columns.map((column) => ({ id: cellId(row.id, column.id), row, column })),
      ),
    );
    cellsCache.set(layout, cells);
  }
  return cells;
}

/** A table with every cell blank. */
export function blankCells(layout: TableLayout): Cells {
  const out: Cells = {};
  for (const c of cellsOf(layout)) out[c.id] = null;
  return out;
}

/** Table 三's outcome rows that carry numbers and add up to （七）总计 (headings and the total excluded). */
export function outcomeRows(version: FormatVersion): RowDef[] {
  return FORMATS[version].tables.t3.rows.filter(
    (r) => r.parentId !== undefined && r.id.startsWith('t3.r3.') && !r.heading && r.id !== T3.outcomeTotal,
  );
}

/** Table 三's rows that sources fill (everything except （七）总计, which is their sum). */
export function table3SourceRows(version: FormatVersion): RowDef[] {
  return FORMATS[version].tables.t3.rows.filter((r) => !r.heading && r.id !== T3.outcomeTotal);
}
