/**
 * Runs the due-date recomputers it is given. The list of the platform's recomputers (requests, messages, …)
 * is the composition root's (src/app/recomputers.ts); the save use case receives it from its caller, so the
 * calendar imports no capability that owns a clock.
 *
 * A recomputer receives the change (year, region, changed days), finds its open cases whose clocks touch
 * those days, recomputes them with `effectiveCalendar` (already showing the new arrangement), stores the new
 * due dates with an event on each changed case, and returns how many changed. It must be idempotent: it runs
 * after the arrangement is committed, and running it again must change nothing.
 */
import type { AppContext } from '../platform/context.js';
import type { ArrangementChange } from './recompute.js';

type CaseRecomputer = (ctx: AppContext, change: ArrangementChange) => Promise<number>;

/** A recomputer with the name shown in the save result and the event. */
export interface NamedRecomputer {
  name: string;
  recompute: CaseRecomputer;
}

export interface RecomputeResult {
  name: string;
  changed: number;
}

/** Runs each recomputer in list order. */
export async function runCaseRecomputers(
  ctx: AppContext,
  change: ArrangementChange,
  recomputers: readonly NamedRecomputer[],
): Promise<RecomputeResult[]> {
  const results: RecomputeResult[] = [];
  for (const { name, recompute } of recomputers) {
    results.push({ name, changed: await recompute(ctx, change) });
  }
  return results;
}
