/** Writes the public's checked files of a case inside the caller's transaction, each with its audit event. */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import type { AcceptedFile } from '../attachments.js';
import { requestsStore } from '../requests.store.js';

export async function storePublicFiles(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  target: { caseId: string; agencyId: string },
  files: readonly AcceptedFile[],
): Promise<void> {
  for (const f of files) {
    await requestsStore.insertAttachment(tx, {
      id: newId(),
      case_id: target.caseId,
      kind: f.kind,
      filename: f.fileName.replace(/[\\/\0]/g, '').slice(0, 120) || '附件',
      content_type: f.contentType,
      size: f.data.length,
      content: f.data,
      created_at: ctx.now().toISOString(),
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: target.agencyId,
      entityType: 'request',
      entityId: target.caseId,
      action: 'request.attachment_added',
      data: { kind: f.kind, size: f.data.length, contentType: f.contentType },
    });
  }
}
