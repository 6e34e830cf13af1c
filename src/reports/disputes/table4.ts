/**
 * Table 四 from the register (Art. 50(三)). A dispute yields up to two proceedings: its reconsideration
 * (column group 行政复议) and its litigation — first instance plus any appeal — counted under 复议后起诉 when a
 * reconsideration came first, else under 未经复议直接起诉. So a reconsideration followed by a lawsuit counts
 * in 复议 and in 复议后起诉.
 */
import { cellId } from '../model/formats.js';
import {
  T4_GROUPS,
  T4_RESULTS,
  T4_ROW,
  type Table4Group,
  type Table4Result,
} from '../model/shared-tables.js';
import type { CellId } from '../model/types.js';
import type { Dispute, DisputeStage } from './register.js';
import { DEFAULT_RESULT_COLUMNS, type ResultColumns } from './result-columns.js';

/**
 * Which proceedings a year counts [D] (the form does not say):
 * - 'activeInYear': every proceeding pending at some point in the year — decided in the year → its result,
 *   still pending on 31 December → 尚未审结 (and counted again, with its result, the year it ends);
 * - 'filedInYear': proceedings filed in the year, with their state on 31 December.
 */
type Table4Counting = 'activeInYear' | 'filedInYear';

export interface Table4Options {
  columns?: ResultColumns;
  counting?: Table4Counting;
}

interface Table4Tally {
  /** Every one of the 15 cells, as numbers. */
  cells: Record<CellId, number>;
  /** The disputes behind each cell. */
  disputeIds: Record<CellId, string[]>;
}

interface Proceeding {
  group: Table4Group;
  filedOn: string;
  /** The stage whose decision ends the proceeding (the appeal, when there is one). */
  last: DisputeStage;
}

function proceedings(d: Dispute): Proceeding[] {
  const out: Proceeding[] = [];
  const review = d.stages.find((s) => s.kind === 'reconsideration');
  if (review) out.push({ group: 'review', filedOn: review.filedOn, last: review });
  const lawsuit = d.stages.find((s) => s.kind === 'lawsuit');
  if (lawsuit) {
    const appeal = d.stages.find((s) => s.kind === 'appeal');
    out.push({ group: review ? 'afterReview' : 'direct', filedOn: lawsuit.filedOn, last: appeal ?? lawsuit });
  }
  return out;
}

function columnOf(stage: DisputeStage, columns: ResultColumns): Exclude<Table4Result, 'pending'> | undefined {
  if (stage.result === undefined) return undefined;
  return stage.kind === 'reconsideration'
    ? columns.reconsideration[stage.result]?.column
    : columns.litigation[stage.result]?.column;
}

export function tabulateTable4(
  disputes: readonly Dispute[],
  year: number,
  options: Table4Options = {},
): Table4Tally {
  const columns = options.columns ?? DEFAULT_RESULT_COLUMNS;
  const counting = options.counting ?? 'activeInYear';
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const disputeIds: Record<CellId, string[]> = {};
  for (const g of T4_GROUPS)
    for (const r of [...T4_RESULTS, 'total']) disputeIds[cellId(T4_ROW, `${g}.${r}`)] = [];

  for (const d of disputes) {
    for (const p of proceedings(d)) {
      if (p.filedOn > end) continue;
      const decidedOn = p.last.decidedOn;
      const counted =
        counting === 'filedInYear' ? p.filedOn >= start : decidedOn === undefined || decidedOn >= start;
      if (!counted) continue;
      const decidedInTime = decidedOn !== undefined && decidedOn <= end;
      const column = (decidedInTime ? columnOf(p.last, columns) : undefined) ?? 'pending';
      disputeIds[cellId(T4_ROW, `${p.group}.${column}`)]!.push(d.id);
      disputeIds[cellId(T4_ROW, `${p.group}.total`)]!.push(d.id);
    }
  }
  const cells: Record<CellId, number> = {};
  for (const [id, list] of Object.entries(disputeIds)) cells[id] = list.length;
  return { cells, disputeIds };
}
