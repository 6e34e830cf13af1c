/** Use case: no correction by the deadline without good reason — deemed abandoned (条例 Art. 30; table 三 （六）1). */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { refused } from '../workflow.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';

export async function closeUnclarified(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const day = effectiveDay(ctx, c.row, input.on);
  const notice = [...c.events].reverse().find((e) => e.type === 'clarification_requested');
  const deadline = typeof notice?.data.deadline === 'string' ? notice.data.deadline : '';
  if (deadline && day <= deadline) throw refused(`补正期限（${deadline}）尚未届满，不能视为放弃申请。`);
  return runCaseAction(ctx, actor, c, 'close_unclarified', {
    day,
    events: [{ type: 'closed', data: { outcome: 'clarificationNotSupplied' } }],
    patch: { outcome: c.row.outcome ?? 'clarificationNotSupplied', outcome_on: c.row.outcome_on ?? day },
  });
}
