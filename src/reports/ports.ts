/**
 * Where a report's numbers come from. These are ports: the requests capability, the register store and the
 * Article 20 entry store implement them; `memory-sources.ts` has in-memory versions for tests and demos.
 */
import type { Dispute } from './disputes/register.js';
import type { AgencyRef, ColumnId, FormatVersion, RowId } from './model/types.js';
import type { Table3Figures } from './table3.js';

/** One row of table 二 as entered (or imported) for a year, with where the figures come from. */
export interface Article20Entry {
  rowId: RowId;
  /** By column id of the row in the year's format; a missing or null value is a blank cell. */
  values: Readonly<Record<ColumnId, number | null>>;
  /** e.g. "县市场监管局行政处罚系统导出，2021-01-05" — shown as the cell's provenance. */
  source: string;
}

/** Table 二 figures: 规章/规范性文件 (later from the normative-document registry) and Art. 20 (五)(六)(八)(九). */
export interface Article20Source {
  article20(agency: AgencyRef, year: number, format: FormatVersion): Promise<readonly Article20Entry[]>;
}

/**
 * Table 三 for an agency and year: every cell's count and, when computed from cases, the case ids behind
 * it (see `tabulateTable3` for the counting rules). Until requests exist, entered figures.
 */
export interface Table3Source {
  table3(agency: AgencyRef, year: number, format: FormatVersion): Promise<Table3Figures>;
}

/**
 * The register's disputes about an agency that may count in a year: at least every dispute with a stage
 * filed on or before 31 December of the year and not finally decided before 1 January of it.
 */
export interface DisputeRegisterSource {
  disputes(agency: AgencyRef, year: number): Promise<readonly Dispute[]>;
}

export interface ReportSources {
  article20: Article20Source;
  table3: Table3Source;
  disputes: DisputeRegisterSource;
}
