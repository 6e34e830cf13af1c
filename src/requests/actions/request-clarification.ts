/**
 * Use case: 补正告知 (条例 Art. 30) — once, within 7 working days of receipt (the clock reports a late notice as a
 * finding), saying what to correct and by when. The reply period restarts on receipt of the corrected application.
 */
import type { Actor } from '../../platform/actor.js';
import { isIsoDate } from '../../calendar/dates.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { effectiveDay, lateReasonOf, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { requiredText } from '../text-input.js';

export async function requestClarification(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; items?: unknown; deadline?: unknown; on?: string; lateReason?: unknown },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const items = requiredText(input.items, 'items', '需要补正的事项');
  const day = effectiveDay(ctx, c.row, input.on);
  if (!isIsoDate(input.deadline) || input.deadline <= day)
    throw validationFailed({ deadline: '请填写合理的补正期限（晚于告知之日，格式 YYYY-MM-DD）' });
  return runCaseAction(ctx, actor, c, 'request_clarification', {
    lateReason: lateReasonOf(input.lateReason),
    day,
    events: [{ type: 'clarification_requested', data: { items, deadline: input.deadline } }],
    audit: { deadline: input.deadline },
  });
}
