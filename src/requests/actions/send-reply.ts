/**
 * Use case: the reviewed reply is sent and delivered (method, date, proof): the clock stops on that day and the
 * case's outcome — its table 三 row — is fixed. A re-reply after reopening keeps the first outcome for the report.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import type { DraftReply } from './draft-reply.js';
import { DELIVERIES } from '../intake.js';
import { optionalText } from '../text-input.js';

export async function sendReply(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; method?: unknown; proof?: unknown; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  if (typeof input.method !== 'string' || !(input.method in DELIVERIES))
    throw validationFailed({ method: '请选择送达方式' });
  const proof = optionalText(input.proof, 'proof', '送达凭证（如邮件号、签收人）', 200);
  const draft = JSON.parse(c.row.reply ?? '{}') as DraftReply;
  const day = effectiveDay(ctx, c.row, input.on);
  return runCaseAction(ctx, actor, c, 'send_reply', {
    day,
    events: [{ type: 'replied', data: { outcome: draft.outcome, method: input.method, proof } }],
    patch: { outcome: c.row.outcome ?? draft.outcome, outcome_on: c.row.outcome_on ?? day },
    audit: { outcome: draft.outcome, method: input.method },
  });
}
