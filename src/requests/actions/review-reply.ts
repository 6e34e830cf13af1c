/**
 * Use case: review of the drafted reply, including the secrecy review (保密审查, 条例 Art. 17): approve it, or
 * return it to the handler with the reason.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { optionalText, requiredText } from '../text-input.js';

export async function reviewReply(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; decision?: unknown; comment?: unknown; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const day = effectiveDay(ctx, c.row, input.on);
  if (input.decision === 'return') {
    const comment = requiredText(input.comment, 'comment', '退回理由', 2000);
    return runCaseAction(ctx, actor, c, 'return_draft', {
      day,
      events: [{ type: 'draft_returned', data: { comment } }],
    });
  }
  const comment = optionalText(input.comment, 'comment', '审核意见', 2000);
  return runCaseAction(ctx, actor, c, 'review_reply', {
    day,
    events: [{ type: 'reply_reviewed', data: { comment, secrecyReviewed: true } }],
  });
}
