/**
 * Use case: staff publish a draft decision for public comment (征集调查) with its period, the draft text and
 * attachments (PDF, PNG or JPEG, checked by content). Bad input stores nothing.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { can } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import { isIsoDate } from '../../calendar/dates.js';
import { legalToday } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden, notFound, validationFailed, type FieldErrors } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import type { UploadedFile } from '../../platform/uploads.js';
import { checkAttachment } from '../attachment.js';
import { consultationsStore } from './consultations.store.js';
import { formText } from '../../platform/form-values.js';

export const MAX_CONSULTATION_FILES = 5;

export async function publishConsultation(
  ctx: AppContext,
  actor: Actor,
  input: Record<string, unknown>,
  files: ReadonlyArray<Pick<UploadedFile, 'fileName' | 'data'>> = [],
): Promise<{ consultationId: string }> {
  const agencyId = formText(input.agencyId);
  const all = await agenciesStore.all(ctx.db);
  if (!all.some((a) => a.id === agencyId)) throw notFound('发布征集的机关');
  if (!can(actor, 'messages.handle', agencyId, all)) throw forbidden('您无权以该机关名义发布意见征集。');
  const f: FieldErrors = {};
  const title = formText(input.title);
  const draftText = formText(input.draftText);
  const opensOn = formText(input.opensOn);
  const closesOn = formText(input.closesOn);
  const today = legalToday(ctx);
  if (!title) f.title = '请填写征集标题';
  else if ([...title].length > 100) f.title = '征集标题不能超过 100 个字';
  if (!draftText) f.draftText = '请填写草案内容';
  else if ([...draftText].length > 20000)
    f.draftText = '草案内容不能超过 20000 个字，较长的文本请作为附件上传';
  if (!isIsoDate(opensOn)) f.opensOn = '请填写开始日期，如 2025-11-01';
  if (!isIsoDate(closesOn)) f.closesOn = '请填写截止日期，如 2025-11-30';
  else if (isIsoDate(opensOn) && closesOn < opensOn) f.closesOn = '截止日期不能早于开始日期';
  else if (closesOn < today) f.closesOn = '截止日期不能早于今天';
  if (files.length > MAX_CONSULTATION_FILES) f.attachments = `附件不能超过 ${MAX_CONSULTATION_FILES} 个`;
  const checked = await Promise.all(
    files.map(async (file) => ({ file, check: await checkAttachment(file) })),
  );
  const bad = checked.find((c) => !c.check.ok);
  if (bad && !bad.check.ok) f.attachments = `${bad.file.fileName || '附件'}：${bad.check.message}`;
  if (Object.keys(f).length) throw validationFailed(f);
  const consultationId = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await consultationsStore.insert(tx, {
      id: consultationId,
      agency_id: agencyId,
      title,
      draft_text: draftText,
      opens_on: opensOn,
      closes_on: closesOn,
      feedback_summary: null,
      feedback_published_at: null,
      created_at: ctx.now().toISOString(),
    });
    for (const { file, check } of checked)
      if (check.ok)
        await consultationsStore.insertAttachment(tx, {
          id: newId(),
          consultationId,
          filename: check.filename,
          contentType: check.contentType,
          data: file.data,
        });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'consultation',
      entityId: consultationId,
      action: 'consultation.published',
      data: { title, opensOn, closesOn, attachments: files.length },
    });
  });
  return { consultationId };
}
