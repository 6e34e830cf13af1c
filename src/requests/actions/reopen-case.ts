/**
 * Use case: 重新答复 — a reconsideration decision or a court judgment orders a new reply. The case reopens with a
 * fresh 20-working-day clock from the day the order was received; its first outcome stays in table 三 (the
 * dispute itself is counted in table 四).
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { requiredText } from '../text-input.js';

export const ORDERS = { reconsideration: '行政复议决定', court: '人民法院裁判' } as const;

export async function reopenCase(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; order?: unknown; reference?: unknown; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  if (typeof input.order !== 'string' || !(input.order in ORDERS))
    throw validationFailed({ order: '请选择责令重新答复的决定类型' });
  const reference = requiredText(input.reference, 'reference', '决定书或裁判文书的文号', 200);
  return runCaseAction(ctx, actor, c, 'reopen', {
    day: effectiveDay(ctx, c.row, input.on),
    events: [{ type: 'reopened', data: { order: input.order, reference } }],
    patch: { reply: null },
  });
}
