/** Use case: the handler takes up a registered application (登记 → 办理). */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';

export async function acceptApplication(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  return runCaseAction(ctx, actor, c, 'accept', {
    day: effectiveDay(ctx, c.row, input.on),
    events: [{ type: 'accepted' }],
    patch: actor.kind === 'user' && !c.row.assignee_id ? { assignee_id: actor.userId } : {},
  });
}
