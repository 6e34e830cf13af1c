/**
 * Use case: attach a file to a case (stored in the database: app nodes keep no local state). Staff attach
 * to any open or closed case of their agency; the applicant attaches supplements while a clarification is awaited.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { loadCase } from './case-action.js';
import { ATTACHMENT_KINDS, checkCaseFile, type AttachmentKind } from '../attachments.js';
import { requestsStore } from '../requests.store.js';
import { refused } from '../workflow.js';

export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; kind?: unknown; filename?: unknown; bytes: Uint8Array },
): Promise<{ attachmentId: string }> {
  const c = await loadCase(ctx, actor, input.caseId);
  if (actor.kind === 'public' && c.row.state !== 'awaiting_clarification')
    throw refused('只有在补正期间才能在线提交补充材料。');
  if (typeof input.kind !== 'string' || !(input.kind in ATTACHMENT_KINDS))
    throw validationFailed({ kind: '请选择材料类型' });
  const { contentType, problem } = await checkCaseFile(input.bytes);
  if (!contentType) throw validationFailed({ file: problem! });
  const filename =
    (typeof input.filename === 'string' ? input.filename : '').replace(/[\\/\0]/g, '').slice(0, 120) ||
    '附件';
  const attachmentId = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await requestsStore.insertAttachment(tx, {
      id: attachmentId,
      case_id: c.row.id,
      kind: input.kind as AttachmentKind,
      filename,
      content_type: contentType,
      size: input.bytes.length,
      content: Buffer.from(input.bytes),
      created_at: ctx.now().toISOString(),
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: c.agency.id,
      entityType: 'request',
      entityId: c.row.id,
      action: 'request.attachment_added',
      data: { kind: input.kind, size: input.bytes.length, contentType },
    });
  });
  return { attachmentId };
}
