/**
 * Use case: 延迟答复 (条例 Art. 35) — the volume or frequency is clearly beyond a reasonable range, the reasons given
 * are reasonable, but the Art. 33 period cannot be met: a later reply date is fixed and notified.
 */
import type { Actor } from '../../platform/actor.js';
import { isIsoDate } from '../../calendar/dates.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { effectiveDay, lateReasonOf, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { requiredText } from '../text-input.js';

export async function delayReply(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; replyBy?: unknown; reason?: unknown; on?: string; lateReason?: unknown },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const day = effectiveDay(ctx, c.row, input.on);
  if (!isIsoDate(input.replyBy) || input.replyBy <= day)
    throw validationFailed({ replyBy: '请填写晚于今天的答复日期（YYYY-MM-DD）' });
  const reason = requiredText(input.reason, 'reason', '延迟答复的理由', 1000);
  return runCaseAction(ctx, actor, c, 'delay_reply', {
    lateReason: lateReasonOf(input.lateReason),
    day,
    events: [{ type: 'reply_delayed', data: { replyBy: input.replyBy, reason } }],
  });
}
