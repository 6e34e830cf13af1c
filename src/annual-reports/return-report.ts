/** Use case: the supervising office returns a submitted report for correction, with a comment (required). */
import type { Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { validationFailed } from '../platform/errors.js';
import { parseYear, reportFor } from './report-access.js';
import { applyStep } from './transition.js';

export async function returnReport(
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; year: unknown; comment: unknown },
) {
  const year = parseYear(input.year);
  const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
  if (!comment) throw validationFailed({ comment: '请填写退回修改的意见' });
  if (comment.length > 2000) throw validationFailed({ comment: '退回意见不能超过 2000 字' });
  await ctx.db.transaction().execute(async (tx) => {
    const r = await reportFor(tx, actor, 'reports.supervise', input.agencyId, year);
    await applyStep(tx, ctx.now(), actor, r, 'return', { comment }, { returnComment: comment });
  });
}
