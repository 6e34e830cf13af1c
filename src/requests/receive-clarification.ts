/**
 * Use case: the corrected application arrives — online from the applicant's status page, or registered by
 * staff. Its day of receipt restarts the 20 working days (条例 Art. 30).
 */
import type { Actor } from '../agencies/permissions.js';
import type { AppContext } from '../platform/context.js';
import { effectiveDay, loadCase, runCaseAction, todayOf, type CaseResult } from './case-action.js';
import { requiredText } from './text-input.js';

export async function receiveClarification(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; text?: unknown; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const text = requiredText(input.text, 'text', '补正内容', 5000);
  // The applicant's online submission is received the day it is made; staff may date a letter.
  const day = actor.kind === 'public' ? todayOf(ctx) : effectiveDay(ctx, c.row, input.on);
  return runCaseAction(ctx, actor, c, 'receive_clarification', {
    day,
    events: [{ type: 'clarification_received', data: { text, online: actor.kind === 'public' } }],
  });
}
