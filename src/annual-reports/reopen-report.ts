/**
 * Use case: reopen a published report to correct it (更正重发). The published versions are untouched; the
 * corrected text goes through the supervisor again and is published as the next version with this reason.
 */
import type { Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { validationFailed } from '../platform/errors.js';
import { parseYear, reportFor } from './report-access.js';
import { applyStep } from './transition.js';

export async function reopenReport(
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; year: unknown; reason: unknown },
) {
  const year = parseYear(input.year);
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason) throw validationFailed({ reason: '请填写更正的理由' });
  if (reason.length > 2000) throw validationFailed({ reason: '理由不能超过 2000 字' });
  await ctx.db.transaction().execute(async (tx) => {
    const r = await reportFor(tx, actor, 'reports.edit', input.agencyId, year);
    await applyStep(tx, ctx.now(), actor, r, 'reopen', { reason }, { reissueReason: reason });
  });
}
