/** Use cases: an editor submits a draft for review (送审); a reviewer returns it to draft with a reason. */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { itemForAction } from '../catalog-access.js';
import { catalogStore } from '../catalog.store.js';
import { canMove, itemStatusLabel } from './item.js';

export async function submitItem(ctx: AppContext, actor: Actor, itemId: string): Promise<void> {
  const { item } = await itemForAction(ctx, ctx.db, actor, itemId, 'catalog.edit');
  if (!canMove(item.status, 'submit'))
    throw new DomainError(
      'catalog.transition_refused',
      `“${itemStatusLabel[item.status]}”状态的条目不能送审。`,
    );
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.updateItem(tx, { ...item, status: 'submitted', updatedAt: ctx.now().toISOString() });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: item.id,
      action: 'catalog.item_submitted',
    });
  });
}

export async function returnItem(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  reason: string,
): Promise<void> {
  const { item } = await itemForAction(ctx, ctx.db, actor, itemId, 'catalog.publish');
  if (!canMove(item.status, 'return'))
    throw new DomainError(
      'catalog.transition_refused',
      `“${itemStatusLabel[item.status]}”状态的条目不能退回。`,
    );
  if (!reason.trim()) throw validationFailed({ reason: '请填写退回理由' });
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.updateItem(tx, {
      ...item,
      status: 'draft',
      approvals: [],
      updatedAt: ctx.now().toISOString(),
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: item.id,
      action: 'catalog.item_returned',
      data: { reason: reason.trim().slice(0, 500) },
    });
  });
}
