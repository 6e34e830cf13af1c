/** Use case: the consulted party answers (or its 15 working days pass, Art. 32/34); counting resumes the next day. */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { optionalText } from '../text-input.js';

export async function endConsultation(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; ref?: unknown; opinion?: unknown; objects?: unknown; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const started = c.events.filter((e) => e.type === 'consultation_started');
  const ended = new Set(c.events.filter((e) => e.type === 'consultation_ended').map((e) => e.data.ref));
  const open = started.filter((e) => !ended.has(e.data.ref));
  const target = open.find((e) => e.data.ref === input.ref) ?? (input.ref ? undefined : open[0]);
  if (!target && open.length) throw validationFailed({ ref: '请选择要登记回复的征求意见' });
  const opinion = optionalText(input.opinion, 'opinion', '意见内容', 5000);
  return runCaseAction(ctx, actor, c, 'end_consultation', {
    day: effectiveDay(ctx, c.row, input.on),
    events: [
      {
        type: 'consultation_ended',
        data: {
          party: target?.data.party,
          ref: target?.data.ref,
          opinion,
          objects: input.objects === 'on' || input.objects === true,
        },
      },
    ],
  });
}
