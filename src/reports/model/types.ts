/**
 * The annual report as data (Art. 50; formats 国办公开办函〔2019〕60号 and 〔2021〕30号). Rendering is separate.
 *
 * Ids are stable ASCII: a row id names its table and position in the form (`t3.r3.3.1` = table 三, row 三、
 * （三）1.属于国家秘密), a column id is local to its table (`natural`, `review.upheld`), and a cell id joins
 * them with a colon (`t3.r3.3.1:natural`). Ids never change once published; labels are the form's exact text.
 */

import type { FormatVersion, RowId } from '../../statute/report-ids.js';

export type { FormatVersion, RowId };

export type TableId = 't2' | 't3' | 't4';
export type ColumnId = string;
/** `${RowId}:${ColumnId}` */
export type CellId = string;

/** A number as published; `null` for a blank cell (never 0 in disguise). */
export type CellValue = number | null;
export type Cells = Record<CellId, CellValue>;

export interface ColumnDef {
  id: ColumnId;
  /** Exact label of the lowest header cell. */
  label: string;
  /** Labels of the merged header cells above it, outermost first (e.g. ['行政诉讼', '未经复议直接起诉']). */
  groups: readonly string[];
  /** 'count' = 件/个, a non-negative integer; 'change' may be negative (2019 本年增/减); 'amount' in 万元. */
  kind: 'count' | 'change' | 'amount';
  unit?: '万元';
}

export interface RowDef {
  id: RowId;
  /** Exact label as printed in the form. */
  label: string;
  /** The heading row this row sits under, if any. */
  parentId?: RowId;
  /** A heading row carries no numbers (e.g. 三、本年度办理结果, （三）不予公开, 第二十条第（一）项). */
  heading: boolean;
  /** The row's numeric columns in the form's order; empty for a heading. */
  columns: readonly ColumnDef[];
}

export interface TableLayout {
  id: TableId;
  /** Section heading the table belongs to, e.g. 三、收到和处理政府信息公开申请情况. */
  title: string;
  /** Note printed in the top-left header cell (table 三's 勾稽关系 note), if any. */
  note?: string;
  rows: readonly RowDef[];
}

export interface SectionDef {
  id: 's1' | 's2' | 's3' | 's4' | 's5' | 's6';
  label: string;
  table?: TableId;
}

export interface ReportFormat {
  version: FormatVersion;
  /** Issuing notice, for display. */
  basis: string;
  sections: readonly SectionDef[];
  tables: Readonly<Record<TableId, TableLayout>>;
}

/**
 * Administrative level of the reporting agency. Decides rule-making power (立法法 Art. 91–93: State Council
 * departments, provincial governments and governments of 设区的市/自治州 may make 规章).
 */
export type AgencyLevel =
  | 'state-council-department'
  | 'provincial-government'
  | 'provincial-department'
  | 'prefectural-government'
  | 'prefectural-department'
  | 'county-government'
  | 'county-department'
  | 'township'
  | 'other';

export interface AgencyRef {
  id: string;
  name: string;
  /** 统一社会信用代码, when known. */
  creditCode?: string;
  level: AgencyLevel;
}

/** Where a number comes from: the cases behind it, what staff entered (with its source), or a sum of cells. */
export type Provenance =
  | { kind: 'cases'; caseIds: readonly string[] }
  | { kind: 'disputes'; disputeIds: readonly string[] }
  | { kind: 'entered'; source: string }
  | { kind: 'derived'; from: readonly CellId[] }
  | { kind: 'missing' };

export interface AnnualReport {
  format: FormatVersion;
  agency: AgencyRef;
  /** Reporting year (the data period is 1 Jan – 31 Dec of this year). */
  year: number;
  /** Every cell of the layout is present; blank cells are `null`. */
  tables: Record<TableId, Cells>;
  /** Per cell, where its number came from. Absent for reports parsed from published text. */
  provenance?: Record<CellId, Provenance>;
}
