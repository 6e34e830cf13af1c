/**
 * Use case (public): an application through the agency's website. Submitting the confirmed form is the moment
 * both sides confirm (条例 Art. 31 (三)), so the day of submission (China Standard Time) is the day of receipt.
 * Attached files (身份证明, an agent's 授权委托书; Art. 29 (一)) are checked by content and size with the other
 * fields, and stored in the same transaction as the case: any bad field stores nothing.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { publicActor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound, validationFailed } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/uploads.js';
import { checkPublicFiles } from '../attachments.js';
import { todayOf } from '../actions/case-action.js';
import { parseApplication } from '../intake.js';
import { createCase, type NewCase } from '../registration.js';
import { storePublicFiles } from './store-public-files.js';

export async function submitApplication(
  ctx: AppContext,
  agencyId: string,
  form: Record<string, unknown>,
  files: readonly UploadedFile[] = [],
): Promise<NewCase> {
  const agency = await agenciesStore.byId(ctx.db, agencyId);
  if (!agency) throw notFound('该机关');
  const { content, errors } = parseApplication(form);
  const checked = await checkPublicFiles(files, ['idCopy', 'authorisation']);
  if (
    content?.agent &&
    !checked.accepted.some((f) => f.kind === 'authorisation') &&
    !checked.errors.authorisation
  )
    checked.errors.authorisation = '委托代理人提出申请的，请上传授权委托书';
  const all = { ...errors, ...checked.errors };
  if (!content || Object.keys(all).length) throw validationFailed(all);
  const day = todayOf(ctx);
  const actor = publicActor('申请人（网上申请）');
  return createCase(
    ctx,
    actor,
    agency,
    content,
    { channel: 'online', day, event: 'receipt_confirmed' },
    { also: (tx, caseId) => storePublicFiles(ctx, tx, actor, { caseId, agencyId }, checked.accepted) },
  );
}
