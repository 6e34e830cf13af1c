/**
 * Table 三 from the cases themselves. Each case is counted by its applicant kind:
 * - 一、本年新收: received in the year (receipt date per Art. 31);
 * - 二、上年结转: received earlier and still open on 1 January;
 * - 三、办理结果: ended in the year, in its outcome's row (statutory.md §2.6);
 * - 四、结转下年度: received by 31 December and still open then.
 * Every case counted in 一 or 二 is counted in exactly one of 三 or 四, so 一 + 二 = 三 + 四 holds by
 * construction (the form's 勾稽关系, statutory.md §2.5 rule 1).
 */
import { cellId, table3SourceRows } from './model/formats.js';
import { APPLICANT_KINDS, T3, type ApplicantKind } from './model/shared-tables.js';
import type { CellId, FormatVersion, RowId } from './model/types.js';
import { DEFAULT_OUTCOME_ROWS, type Outcome, type OutcomeRows } from '../statute/outcomes.js';

export interface RequestCase {
  id: string;
  applicant: ApplicantKind;
  /** Receipt date (Art. 31), YYYY-MM-DD. */
  receivedOn: string;
  /** How and when the case ended (the reply date, or the day it was closed); absent while open. */
  outcome?: { code: Outcome; on: string };
}

/** A table 三 cell as a source delivers it: its count and, when computed from cases, the cases behind it. */
interface Table3Cell {
  count: number;
  caseIds?: readonly string[];
  /** For entered figures: where they come from. */
  source?: string;
}

export interface Table3Figures {
  /** Cells of rows 一, 二, each outcome row and 四 × the six applicant columns; 总计 cells are optional. */
  cells: Record<CellId, Table3Cell>;
}

const KIND_INDEX: Record<ApplicantKind, number> = Object.fromEntries(
  APPLICANT_KINDS.map((k, i) => [k, i]),
) as Record<ApplicantKind, number>;

interface Plan {
  rows: RowId[];
  rowIndex: Map<RowId, number>;
  outcomeIndex: Record<Outcome, number>;
  cellIds: CellId[];
}
const plans = new WeakMap<OutcomeRows, Partial<Record<FormatVersion, Plan>>>();

function planFor(format: FormatVersion, outcomeRows: OutcomeRows): Plan {
  let byFormat = plans.get(outcomeRows);
  if (!byFormat) plans.set(outcomeRows, (byFormat = {}));
  let plan = byFormat[format];
  if (!plan) {
    const rows = table3SourceRows(format).map((r) => r.id);
    const rowIndex = new Map<RowId, number>(rows.map((id, i) => [id, i]));
    const outcomeIndex = {} as Record<Outcome, number>;
    for (const [code, row] of Object.entries(outcomeRows) as [Outcome, OutcomeRows[Outcome]][]) {
      outcomeIndex[code] = rowIndex.get(row[format])!;
    }
    const cellIds = rows.flatMap((row) => APPLICANT_KINDS.map((kind) => cellId(row, kind)));
    plan = byFormat[format] = { rows, rowIndex, outcomeIndex, cellIds };
  }
  return plan;
}

export function tabulateTable3(
  cases: Iterable<RequestCase>,
  year: number,
  format: FormatVersion,
  outcomeRows: OutcomeRows = DEFAULT_OUTCOME_ROWS,
): Table3Figures {
  const { rows, rowIndex, outcomeIndex, cellIds } = planFor(format, outcomeRows);
  const width = APPLICANT_KINDS.length;
  const lists: string[][] = Array.from({ length: rows.length * width }, () => []);
  const received = rowIndex.get(T3.received)! * width;
  const carriedOver = rowIndex.get(T3.carriedOver)! * width;
  const carriedForward = rowIndex.get(T3.carriedForward)! * width;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;

  for (const c of cases) {
    if (c.receivedOn > end) continue;
    // A case cannot end before it arrives; clamping keeps the identity on bad dates.
    const endedOn = c.outcome ? (c.outcome.on < c.receivedOn ? c.receivedOn : c.outcome.on) : undefined;
    if (endedOn !== undefined && endedOn < start) continue; // closed before the year began
    const k = KIND_INDEX[c.applicant];
    lists[(c.receivedOn >= start ? received : carriedOver) + k]!.push(c.id);
    if (endedOn !== undefined && endedOn <= end) lists[outcomeIndex[c.outcome!.code] * width + k]!.push(c.id);
    else lists[carriedForward + k]!.push(c.id);
  }

  const cells: Record<CellId, Table3Cell> = {};
  cellIds.forEach((id, i) => {
    const ids = lists[i]!;
    cells[id] = { count: ids.length, caseIds: ids };
  });
  return { cells };
}
