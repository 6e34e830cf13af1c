/**
 * Mapping the cell stream of a published report onto the report model (src/reports/model): for each table,
 * which template it follows, which rows were found, and each cell's value with its source position.
 * Labels come only from the model (`matchLabel`); this file knows no label text.
 *
 * The mapping is label-anchored: a cell whose text names a row starts that row, and the value cells that
 * follow it (in the same line, or on the following lines when a flattened table puts one cell per line) are
 * its columns. That survives merged-cell gaps, rows broken across lines and tables pasted as one column.
 */
import {
  FORMATS,
  detectFormat,
  matchLabel,
  normaliseLabel,
  type ColumnDef,
  type FormatVersion,
  type RowDef,
  type TableId,
} from '../../reports/model/index.js';
import { lineText, type Cell, type Line, type SourcePos } from '../read/document.js';
import { parseCellValue, toWanYuan, type CellValue as ReadValue } from '../read/values.js';

export type TableFormat = FormatVersion | 'legacy' | 'unknown';

/** What the auditor saw in one cell of the model. */
export type SeenCell =
  | { status: 'value'; value: number; raw: string; pos: SourcePos }
  | { status: 'blank'; pos: SourcePos }
  | { status: 'placeholder'; raw: string; pos: SourcePos }
  | { status: 'invalid'; raw: string; pos: SourcePos; why: string }
  /** The row was not found, or the document ended before this cell. */
  | { status: 'unseen' };

interface SeenRow {
  row: RowDef;
  /** Where the label was found; undefined when the row is missing. */
  pos?: SourcePos;
  cells: Record<string, SeenCell>;
}

export interface ExtractedTable {
  id: TableId;
  format: TableFormat;
  /** Every row of the model layout for `format` (2019 layout when the format is not a model format). */
  rows: SeenRow[];
  /** Where the table's first label or value was found. */
  pos?: SourcePos;
}

function tokens(lines: Line[]): Cell[] {
  const out: Cell[] = [];
  for (const l of lines) for (const c of l.cells) out.push(c);
  return out;
}

/** Which template a table follows, from its own text, tie broken by the reporting year. */
function tableFormat(id: TableId, lines: Line[], year: number | undefined): TableFormat {
  const text = lines.map(lineText).join('\n');
  const d = detectFormat(text, year);
  const verdict = id === 't2' ? d.tables.t2 : id === 't3' ? d.tables.t3 : null;
  if (verdict) return verdict;
  if (id === 't2') return d.format;
  if (id === 't3') {
    // 2019's （六）其他处理 is one row: the 2021 sub-rows' words are absent although the row is there.
    const key = normaliseLabel(text);
    // The single row carries its numbers and runs into （七）总计; the 2021 heading runs into its sub-rows.
    if (/其他处理[\d/\-—无]*\(七\)/.test(key) && !/逾期不补正|未按收费通知/.test(key)) return '2019';
    if (/逾期不补正|未按收费通知/.test(key)) return '2021';
  }
  // Tables 三 and 四 are identical in both templates apart from 三（六）: any report that has them is 2019+.
  if (d.format === '2019' || d.format === '2021') return d.format;
  if (year !== undefined) return year >= 2021 ? '2021' : year >= 2019 ? '2019' : 'legacy';
  return 'unknown';
}

// Label matching normalises (and converts 繁体) on every call; cells repeat across reports, so remember.
const rowCache = new Map<string, RowDef | null>();

function matchRow(text: string, table: TableId, format: FormatVersion): RowDef | undefined {
  if (text.trim() === '' || parseCellValue(text).kind !== 'text') return undefined;
  const key = `${table}|${format}|${text}`;
  const hit = rowCache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  if (rowCache.size > 20000) rowCache.clear();
  const row = matchRowUncached(text, table, format);
  rowCache.set(key, row ?? null);
  return row;
}

function matchRowUncached(text: string, table: TableId, format: FormatVersion): RowDef | undefined {
  const found = matchLabel(text, { table, kind: 'row', format });
  if (found.length !== 1) return undefined;
  const m = found[0]!;
  // A loose match of a very short label ("其他" as a column header vs row "3.其他") needs its ordinal.
  if (!m.exact && normaliseLabel(text).length <= 3) return undefined;
  return FORMATS[format].tables[table].rows.find((r) => r.id === m.id);
}

function isBlankCell(c: Cell): boolean {
  return c.text.trim() === '';
}

function judge(col: ColumnDef, c: Cell): SeenCell {
  const v: ReadValue = parseCellValue(c.text);
  switch (v.kind) {
    case 'blank':
      return { status: 'blank', pos: c.pos };
    case 'slash':
    case 'dash':
    case 'none':
      return { status: 'placeholder', raw: c.text, pos: c.pos };
    case 'text':
      return { status: 'invalid', raw: c.text, pos: c.pos, why: '不是数字' };
    case 'number': {
      if (col.kind === 'amount') {
        const wan = toWanYuan(v);
        return { status: 'value', value: wan ?? v.value, raw: c.text, pos: c.pos };
      }
      if (v.unit === '万元' || v.unit === '元') {
        return { status: 'invalid', raw: c.text, pos: c.pos, why: '件数栏填了金额' };
      }
      if (!Number.isInteger(v.value))
        return { status: 'invalid', raw: c.text, pos: c.pos, why: '件数不是整数' };
      if (v.value < 0 && col.kind === 'count') {
        return { status: 'invalid', raw: c.text, pos: c.pos, why: '件数为负数' };
      }
      return { status: 'value', value: v.value, raw: c.text, pos: c.pos };
    }
  }
}

/**
 * The value cells that follow a label: the rest of its line, then — if the line had nothing — the following
 * one-cell lines, up to the next label. Merged-cell gaps (empty cells) before the values are dropped when
 * there are more candidates than columns.
 */
function valuesAfter(
  stream: Cell[],
  start: number,
  n: number,
  isLabel: (c: Cell) => boolean,
): { cells: Cell[]; next: number } {
  const label = stream[start]!;
  const sameLine: Cell[] = [];
  let i = start + 1;
  // On the label's own line every cell up to the next label is a column, even a wrong one ("十", "abc").
  while (i < stream.length && stream[i]!.pos.line === label.pos.line) {
    const c = stream[i]!;
    if (isLabel(c)) break;
    sameLine.push(c);
    i++;
  }
  let cells = sameLine;
  if (cells.every(isBlankCell) && i < stream.length && stream[i]!.pos.line !== label.pos.line) {
    // One cell per line: collect value cells on the following lines.
    const below: Cell[] = [];
    let j = i;
    while (j < stream.length && below.length < n) {
      const c = stream[j]!;
      if (!isBlankCell(c) && parseCellValue(c.text).kind === 'text') break;
      if (!isBlankCell(c)) below.push(c);
      j++;
    }
    if (below.length > 0) {
      cells = below;
      i = j;
    }
  }
  while (cells.length > n && cells[0] && isBlankCell(cells[0])) cells = cells.slice(1);
  return { cells: cells.slice(0, n), next: i };
}

function emptyRows(format: FormatVersion, table: TableId): SeenRow[] {
  return FORMATS[format].tables[table].rows.map((row) => ({
    row,
    cells: Object.fromEntries(row.columns.map((c) => [c.id, { status: 'unseen' }])),
  }));
}

/** Table 二 or 三: rows found by label. */
export function extractLabelled(table: 't2' | 't3', lines: Line[], year: number | undefined): ExtractedTable {
  const format = tableFormat(table, lines, year);
  const model: FormatVersion = format === '2021' ? '2021' : '2019';
  const rows = emptyRows(model, table);
  const byId = new Map(rows.map((r) => [r.row.id, r]));
  const stream = tokens(lines);
  let first: SourcePos | undefined;
  for (let i = 0; i < stream.length; i++) {
    const cell = stream[i]!;
    let row = matchRow(cell.text, table, model);
    let labelEnd = i;
    // A label broken across two cells or lines ("二、上年结转政府信息公开" / "申请数量").
    const next = stream[i + 1];
    if (
      !row &&
      next &&
      parseCellValue(cell.text).kind === 'text' &&
      parseCellValue(next.text).kind === 'text'
    ) {
      row = matchRow(cell.text + next.text, table, model);
      if (row) labelEnd = i + 1;
    }
    if (!row) continue;
    first ??= cell.pos;
    const seen = byId.get(row.id)!;
    if (row.heading) {
      seen.pos ??= cell.pos;
      continue;
    }
    const isLabel = (c: Cell) => matchRow(c.text, table, model) !== undefined;
    const { cells } = valuesAfter(stream, labelEnd, row.columns.length, isLabel);
    const hadValues = Object.values(seen.cells).some((c) => c.status === 'value');
    // A second occurrence replaces the first only when the first carried no numbers (a header cell).
    if (seen.pos && hadValues) continue;
    seen.pos = cell.pos;
    row.columns.forEach((col, k) => {
      const c = cells[k];
      seen.cells[col.id] = c ? judge(col, c) : { status: 'blank', pos: cell.pos };
    });
  }
  return { id: table, format, rows, ...(first ? { pos: first } : {}) };
}

/**
 * Table 四: one unlabelled row of fifteen numbers, read in order after the header. `closed` says whether the
 * document goes on after section 四.
 */
export function extractReview(lines: Line[], year: number | undefined, closed = true): ExtractedTable {
  const format = tableFormat('t4', lines, year);
  const model: FormatVersion = format === '2021' ? '2021' : '2019';
  const rows = emptyRows(model, 't4');
  const seen = rows[0]!;
  const columns = seen.row.columns;
  const values = tokens(lines).filter((c) => {
    const k = parseCellValue(c.text).kind;
    return k !== 'text' && k !== 'blank';
  });
  if (values.length > 0) {
    seen.pos = values[0]!.pos;
    columns.forEach((col, k) => {
      const c = values[k];
      seen.cells[col.id] = c ? judge(col, c) : { status: 'unseen' };
    });
  } else if (lines.length > 0 && closed) {
    // The header is there, followed by the rest of the report, but no numbers: every cell blank. (When the
    // document stops inside section 四, the numbers were lost, not left blank.)
    seen.pos = lines[0]!.pos;
    for (const col of columns) seen.cells[col.id] = { status: 'blank', pos: lines[0]!.pos };
  }
  return { id: 't4', format, rows, ...(seen.pos ? { pos: seen.pos } : {}) };
}
