/**
 * Which table 四 column a detailed result falls in. The form does not define this (statutory.md §2.4, §7), so
 * it is configurable data. Default: results that leave the agency's act standing → 结果维持; results that
 * correct it → 结果纠正; endings without a decision on the merits → 其他结果.
 */
import type { Table4Result } from '../model/shared-tables.js';
import type { LitigationResult, ReconsiderationResult } from './register.js';

interface ColumnChoice {
  column: Exclude<Table4Result, 'pending'>;
  /** False where the choice is our reading, not confirmed by any issuing text ([M]/[D] in the spec). */
  confirmed: boolean;
}

export interface ResultColumns {
  reconsideration: Readonly<Record<ReconsiderationResult, ColumnChoice>>;
  litigation: Readonly<Record<LitigationResult, ColumnChoice>>;
}

const upheld = (confirmed: boolean): ColumnChoice => ({ column: 'upheld', confirmed });
const corrected = (confirmed: boolean): ColumnChoice => ({ column: 'corrected', confirmed });
const other = (confirmed: boolean): ColumnChoice => ({ column: 'other', confirmed });

export const DEFAULT_RESULT_COLUMNS: ResultColumns = {
  reconsideration: {
    upheld: upheld(true),
    rejected: upheld(false), // "commonly" counted as 维持 [M]
    varied: corrected(true),
    revoked: corrected(true),
    partlyRevoked: corrected(true),
    declaredUnlawful: corrected(true),
    declaredVoid: corrected(true),
    orderedToAct: corrected(true),
    terminated: other(false),
    settled: other(false),
  },
  litigation: {
    claimDismissed: upheld(true),
    revoked: corrected(true),
    partlyRevoked: corrected(true),
    varied: corrected(true),
    declaredUnlawful: corrected(true),
    declaredVoid: corrected(true),
    orderedToActOrRedo: corrected(true),
    withdrawn: other(false),
    suitRejected: other(false), // a procedural ruling, no judgment on the act [D]
    mediated: other(false),
  },
};

/** Replaces parts of the default mapping (e.g. a province that counts 驳回起诉 as 结果维持). */
export function resultColumns(overrides: {
  reconsideration?: Partial<Record<ReconsiderationResult, ColumnChoice>>;
  litigation?: Partial<Record<LitigationResult, ColumnChoice>>;
}): ResultColumns {
  return {
    reconsideration: { ...DEFAULT_RESULT_COLUMNS.reconsideration, ...overrides.reconsideration },
    litigation: { ...DEFAULT_RESULT_COLUMNS.litigation, ...overrides.litigation },
  };
}
