/**
 * Use case: the applicant withdraws the application — recorded by staff, or online by the applicant from the
 * status page (tracking code + second factor checked by the caller); table 三 （六）3 其他 (outcomes.ts).
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { optionalText } from '../text-input.js';

export async function withdrawApplication(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; note?: unknown; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const note = optionalText(input.note, 'note', '撤回说明', 1000);
  const day = effectiveDay(ctx, c.row, input.on);
  return runCaseAction(ctx, actor, c, 'withdraw', {
    day,
    events: [{ type: 'closed', data: { outcome: 'withdrawn', note, online: actor.kind === 'public' } }],
    audit: { online: actor.kind === 'public' },
    patch: { outcome: c.row.outcome ?? 'withdrawn', outcome_on: c.row.outcome_on ?? day },
  });
}
