/** Use cases: add an attachment to an unpublished item (checked by content and size), and remove one. */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { checkItemAttachment, type CheckedAttachment } from './attachments.js';
import type { Item } from './item.js';
import type { Queryable } from '../../platform/db/database.js';
import { itemForAction } from '../catalog-access.js';
import { catalogStore } from '../catalog.store.js';

export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  file: { fileName: string; data: Buffer },
): Promise<{ attachmentId: string }> {
  return addCheckedAttachment(ctx, actor, itemId, await checkItemAttachment(file.fileName, file.data));
}

/** The same with a file already checked (the new-item form checks it before the item exists). */
export async function addCheckedAttachment(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  checked: CheckedAttachment,
): Promise<{ attachmentId: string }> {
  const { item } = await itemForAction(ctx, ctx.db, actor, itemId, 'catalog.edit');
  if (item.status === 'withdrawn')
    throw new DomainError('catalog.not_editable', '已撤回的条目不能添加附件。');
  const id = await ctx.db
    .transaction()
    .execute((tx) => recordAttachment(tx, actor, item, checked, ctx.now().toISOString()));
  return { attachmentId: id };
}

/** Stores a checked attachment inside the caller's transaction (the editor's form and the bulk import). */
export async function recordAttachment(
  tx: Queryable,
  actor: Actor,
  item: Pick<Item, 'id' | 'agencyId'>,
  checked: CheckedAttachment,
  now: string,
): Promise<string> {
  const id = newId();
  await catalogStore.insertAttachment(tx, {
    id,
    itemId: item.id,
    fileName: checked.fileName,
    contentType: checked.contentType,
    size: checked.size,
    textContent: checked.text,
    data: checked.data,
    createdAt: now,
  });
  await appendEvent(tx, {
    at: new Date(now),
    actor,
    agencyId: item.agencyId,
    entityType: 'catalog_item',
    entityId: item.id,
    action: 'catalog.attachment_added',
    data: { fileName: checked.fileName, size: checked.size },
  });
  return id;
}

export async function removeAttachment(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  attachmentId: string,
): Promise<void> {
  // Reviewers remove attachments too (e.g. one carrying personal data), so edit rights suffice.
  const { item } = await itemForAction(ctx, ctx.db, actor, itemId, 'catalog.edit');
  const a = (await catalogStore.attachments(ctx.db, itemId)).find((x) => x.id === attachmentId);
  if (!a) throw notFound('该附件');
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.removeAttachment(tx, attachmentId);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: itemId,
      action: 'catalog.attachment_removed',
      data: { fileName: a.fileName },
    });
  });
}
