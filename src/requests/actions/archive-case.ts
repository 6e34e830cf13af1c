/** Use case: file the case (归档, 条例 Art. 45) once it is replied or closed. */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { optionalText } from '../text-input.js';

export async function archiveCase(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; fileNo?: unknown; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const fileNo = optionalText(input.fileNo, 'fileNo', '档案号', 100);
  return runCaseAction(ctx, actor, c, 'archive', {
    day: effectiveDay(ctx, c.row, input.on),
    events: [{ type: 'archived', data: { fileNo } }],
  });
}
