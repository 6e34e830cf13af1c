/**
 * Use case: consult a third party (条例 Art. 32), a co-maker (Art. 34) or another agency; the time until the
 * answer is not counted (Art. 33 ¶3). Each consultation has its own reference so several can run at once.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { effectiveDay, lateReasonOf, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { requiredText } from '../text-input.js';

export const PARTIES = { third_party: '第三方', co_maker: '共同制作机关', other_agency: '其他机关' } as const;
export type Party = keyof typeof PARTIES;

export async function startConsultation(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; party?: unknown; consulted?: unknown; on?: string; lateReason?: unknown },
): Promise<CaseResult & { ref: string }> {
  const c = await loadCase(ctx, actor, input.caseId);
  if (typeof input.party !== 'string' || !(input.party in PARTIES))
    throw validationFailed({ party: '请选择征求意见的对象类型' });
  const consulted = requiredText(input.consulted, 'consulted', '被征求意见方的名称', 200);
  const ref = newId().slice(0, 8);
  const r = await runCaseAction(ctx, actor, c, 'start_consultation', {
    lateReason: lateReasonOf(input.lateReason),
    day: effectiveDay(ctx, c.row, input.on),
    events: [{ type: 'consultation_started', data: { party: input.party, ref, consulted } }],
    audit: { party: input.party },
  });
  return { ...r, ref };
}
