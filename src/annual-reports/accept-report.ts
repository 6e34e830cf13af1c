/** Use case: the supervising office accepts a submitted report; the agency may then publish it. */
import type { Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { parseYear, reportFor } from './report-access.js';
import { applyStep } from './transition.js';

export async function acceptReport(
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; year: unknown },
) {
  const year = parseYear(input.year);
  await ctx.db.transaction().execute(async (tx) => {
    const r = await reportFor(tx, actor, 'reports.supervise', input.agencyId, year);
    await applyStep(tx, ctx.now(), actor, r, 'accept');
  });
}
