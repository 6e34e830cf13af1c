/**
 * The process-wide list of due-date recomputers. Capabilities that own clocks (requests, messages, …)
 * register one at module load:
 *
 *   registerCaseRecomputer('依申请公开', async (ctx, change) => { …; return changedCount; });
 *
 * A recomputer receives the change (year, region, changed days), finds its open cases whose clocks touch
 * those days, recomputes them with `effectiveCalendar` (already showing the new arrangement), stores the new
 * due dates with an event on each changed case, and returns how many changed. It must be idempotent: it runs
 * after the arrangement is committed, and running it again must change nothing.
 */
import type { AppContext } from '../platform/context.js';
import type { ArrangementChange } from './recompute.js';

export type CaseRecomputer = (ctx: AppContext, change: ArrangementChange) => Promise<number>;

export interface RecomputeResult {
  name: string;
  changed: number;
}

const registered: Array<{ name: string; recompute: CaseRecomputer }> = [];

/** Registers a recomputer; returns a function that removes it again (for tests). */
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
