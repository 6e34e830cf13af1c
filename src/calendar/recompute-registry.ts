/**
 * Runs the due-date recomputers listed in `recomputers.list.ts` (capabilities that own clocks — requests,
 * messages, … — add theirs there, one line each; tests may add one with registerCaseRecomputer).
 *
 * A recomputer receives the change (year, region, changed days), finds its open cases whose clocks touch
 * those days, recomputes them with `effectiveCalendar` (already showing the new arrangement), stores the new
 * due dates with an event on each changed case, and returns how many changed. It must be idempotent: it runs
 * after the arrangement is committed, and running it again must change nothing.
 */
import type { AppContext } from '../platform/context.js';
import type { ArrangementChange } from './recompute.js';
import { caseRecomputers as registered } from './recomputers.list.js';

export type CaseRecomputer = (ctx: AppContext, change: ArrangementChange) => Promise<number>;

export interface RecomputeResult {
  name: string;
  changed: number;
}

/** Adds a recomputer at run time; returns a function that removes it again (for tests). */
export function registerCaseRecomputer(name: string, recompute: CaseRecomputer): () => void {
  const item = { name, recompute };
  registered.push(item);
  return () => {
    const i = registered.indexOf(item);
    if (i >= 0) registered.splice(i, 1);
  };
}

/** Runs every registered recomputer in registration order. */
export async function runCaseRecomputers(
  ctx: AppContext,
  change: ArrangementChange,
): Promise<RecomputeResult[]> {
  const results: RecomputeResult[] = [];
  for (const { name, recompute } of [...registered]) {
    results.push({ name, changed: await recompute(ctx, change) });
  }
  return results;
}
