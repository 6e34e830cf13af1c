/**
 * The `requests.clocks` job: every open case's clock as of today, because time alone changes a clock (a
 * consultation nobody answers reaches its bound and the pause ends; clock-steps.ts). Runs before the reminders
 * read the stored due dates.
 */
import { agenciesStore } from '../access/agencies.store.js';
import type { AppContext } from '../platform/context.js';
import { refreshAgency } from './recompute-due-dates.js';

/** The number of open cases whose due date moved. */
export async function refreshOpenClocks(ctx: AppContext): Promise<number> {
  let moved = 0;
  for (const agency of await agenciesStore.all(ctx.db)) {
    moved += await refreshAgency(ctx, agency, '9999-12-31', '期限计算', { reason: 'clock' });
  }
  return moved;
}
