/** Use case: the fee is paid; counting resumes the next day (109号, statutory.md §4 [M]). */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { optionalText } from '../text-input.js';

export async function recordPayment(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; receiptNo?: unknown; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const receiptNo = optionalText(input.receiptNo, 'receiptNo', '票据号', 100);
  return runCaseAction(ctx, actor, c, 'record_payment', {
    day: effectiveDay(ctx, c.row, input.on),
    events: [{ type: 'fee_paid', data: { receiptNo } }],
  });
}
