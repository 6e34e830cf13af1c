/**
 * Use case: the corrected application arrives — online from the applicant's status page, or registered by
 * staff. Its day of receipt restarts the 20 working days (条例 Art. 30).
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/uploads.js';
import { checkPublicFiles } from '../attachments.js';
import { effectiveDay, loadCase, runCaseAction, todayOf, type CaseResult } from './case-action.js';
import { storePublicFiles } from '../public/store-public-files.js';
import { optionalText } from '../text-input.js';

export async function receiveClarification(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; text?: unknown; on?: string; files?: readonly UploadedFile[] },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  // Supplementary files (补正材料) come with the text or instead of it; checked before anything is written.
  const checked = await checkPublicFiles(input.files ?? [], ['supplement']);
  const errors: Record<string, string> = { ...checked.errors };
  let text = '';
  try {
    text = optionalText(input.text, 'text', '补正内容', 5000);
  } catch (e) {
    Object.assign(errors, (e as { fields?: Record<string, string> }).fields);
  }
  if (!text && !checked.accepted.length && !errors.text && !errors.supplement)
    errors.text = '请填写补正内容或上传补正材料';
  if (Object.keys(errors).length) throw validationFailed(errors);
  // The applicant's online submission is received the day it is made; staff may date a letter.
  const day = actor.kind === 'public' ? todayOf(ctx) : effectiveDay(ctx, c.row, input.on);
  return runCaseAction(ctx, actor, c, 'receive_clarification', {
    day,
    events: [
      {
        type: 'clarification_received',
        data: { text, online: actor.kind === 'public', files: checked.accepted.length },
      },
    ],
    also: (tx) =>
      storePublicFiles(ctx, tx, actor, { caseId: c.row.id, agencyId: c.agency.id }, checked.accepted),
  });
}
