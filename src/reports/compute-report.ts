/**
 * Builds an agency's annual report for a year from its sources, with the provenance of every cell. Totals
 * (总计 column, （七）总计 row, table 四 总计) are derived unless a source entered them, so that entered
 * figures that do not add up are caught by the cross-checks instead of silently repaired.
 */
import { DomainError } from '../platform/errors.js';
import { tabulateTable4, type Table4Options } from './disputes/table4.js';
import type { Dispute } from './disputes/register.js';
import { blankCells, cellId, cellsOf, formatForYear, formatOf, outcomeRows } from './model/formats.js';
import { APPLICANT_KINDS, T3 } from './model/shared-tables.js';
import type { AgencyRef, AnnualReport, CellId, Cells, FormatVersion, Provenance } from './model/types.js';
import type { OutcomeRows } from '../statute/outcomes.js';
import type { Article20Entry, ReportSources } from './ports.js';
import type { Table3Figures } from './table3.js';

interface ComputeOptions {
  /** Defaults to the template for the reporting year. */
  format?: FormatVersion;
  table4?: Table4Options;
  outcomeRows?: OutcomeRows;
}

interface ReportInputs {
  article20: readonly Article20Entry[];
  table3: Table3Figures;
  disputes: readonly Dispute[];
}

export async function computeReport(
  agency: AgencyRef,
  year: number,
  sources: ReportSources,
  options: ComputeOptions = {},
): Promise<AnnualReport> {
  const format = options.format ?? formatForYear(year);
  const [article20, table3, disputes] = await Promise.all([
    sources.article20.article20(agency, year, format),
    sources.table3.table3(agency, year, format),
    sources.disputes.disputes(agency, year),
  ]);
  return assembleReport(agency, year, { article20, table3, disputes }, { ...options, format });
}

/** The pure part of `computeReport`: inputs already fetched. */
export function assembleReport(
  agency: AgencyRef,
  year: number,
  inputs: ReportInputs,
  options: ComputeOptions = {},
): AnnualReport {
  const format = options.format ?? formatForYear(year);
  const provenance: Record<CellId, Provenance> = {};
  return {
    format,
    agency,
    year,
    tables: {
      t2: table2(format, inputs.article20, provenance),
      t3: table3(format, inputs.table3, provenance),
      t4: table4(inputs.disputes, year, options.table4, provenance),
    },
    provenance,
  };
}

const MISSING: Provenance = Object.freeze({ kind: 'missing' });

function unknownCell(id: string): DomainError {
  return new DomainError('report.unknown_cell', `年报格式中没有该单元格：${id}。`);
}

function table2(
  format: FormatVersion,
  entries: readonly Article20Entry[],
  provenance: Record<CellId, Provenance>,
) {
  const layout = formatOf(format).tables.t2;
  const cells = blankCells(layout);
  for (const id of Object.keys(cells)) provenance[id] = MISSING;
  for (const entry of entries) {
    for (const [column, value] of Object.entries(entry.values)) {
      const id = cellId(entry.rowId, column);
      if (!(id in cells)) throw unknownCell(id);
      cells[id] = value;
      provenance[id] = { kind: 'entered', source: entry.source };
    }
  }
  return cells;
}

/** A derived cell and the cells it adds up. */
interface Derivation {
  target: CellId;
  parts: readonly CellId[];
}

const derivations = new Map<FormatVersion, readonly Derivation[]>();

/** Table 三's derived cells in an order where parts come first: （七） per applicant kind, then each 总计. */
function table3Derivations(format: FormatVersion): readonly Derivation[] {
  let list = derivations.get(format);
  if (!list) {
    const outcomes = outcomeRows(format);
    list = [
      ...APPLICANT_KINDS.map((kind) => ({
        target: cellId(T3.outcomeTotal, kind),
        parts: outcomes.map((r) => cellId(r.id, kind)),
      })),
      ...formatOf(format)
        .tables.t3.rows.filter((row) => !row.heading)
        .map((row) => ({
          target: cellId(row.id, 'total'),
          parts: APPLICANT_KINDS.map((k) => cellId(row.id, k)),
        })),
    ];
    derivations.set(format, list);
  }
  return list;
}

/** Sums the parts (blank when all are blank); the provenance is the union of their cases when all have cases. */
function derive(cells: Cells, provenance: Record<CellId, Provenance>, { target, parts }: Derivation) {
  let total: number | null = null;
  let caseIds: string[] | undefined = [];
  for (const p of parts) {
    const v = cells[p];
    if (v !== null && v !== undefined) total = (total ?? 0) + v;
    const from = provenance[p];
    if (caseIds && from?.kind === 'cases') {
      for (const id of from.caseIds) caseIds.push(id);
    } else caseIds = undefined;
  }
  cells[target] = total;
  provenance[target] = caseIds ? { kind: 'cases', caseIds } : { kind: 'derived', from: parts };
}

function table3(format: FormatVersion, figures: Table3Figures, provenance: Record<CellId, Provenance>) {
  const layout = formatOf(format).tables.t3;
  const cells = blankCells(layout);
  const given = new Set<CellId>();
  for (const id in figures.cells) {
    const cell = figures.cells[id]!;
    if (!(id in cells)) throw unknownCell(id);
    cells[id] = cell.count;
    given.add(id);
    provenance[id] = cell.caseIds
      ? { kind: 'cases', caseIds: cell.caseIds }
      : { kind: 'entered', source: cell.source ?? '' };
  }
  for (const d of table3Derivations(format)) if (!given.has(d.target)) derive(cells, provenance, d);
  for (const { id } of cellsOf(layout)) provenance[id] ??= MISSING;
  return cells;
}

function table4(
  disputes: readonly Dispute[],
  year: number,
  options: Table4Options | undefined,
  provenance: Record<CellId, Provenance>,
): Cells {
  const tally = tabulateTable4(disputes, year, options);
  for (const [id, ids] of Object.entries(tally.disputeIds))
    provenance[id] = { kind: 'disputes', disputeIds: ids };
  return { ...tally.cells };
}
