/**
 * Use case: the head of the disclosure office approves an extension (条例 Art. 33 ¶2): at most 20 working days in
 * total (the clock refuses more), the applicant notified. Taken before the original due date, else a finding.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { effectiveDay, lateReasonOf, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { requiredText } from '../text-input.js';

export async function approveExtension(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; days?: unknown; reason?: unknown; on?: string; lateReason?: unknown },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const days = Number(input.days);
  if (!Number.isInteger(days) || days < 1 || days > 20)
    throw validationFailed({ days: '延长的期限应为 1 至 20 个工作日' });
  const reason = requiredText(input.reason, 'reason', '延期理由', 1000);
  return runCaseAction(ctx, actor, c, 'approve_extension', {
    lateReason: lateReasonOf(input.lateReason),
    day: effectiveDay(ctx, c.row, input.on),
    events: [{ type: 'extended', data: { days, reason } }],
    audit: { days },
  });
}
