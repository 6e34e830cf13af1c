/**
 * Use case: withdraw a published item (撤回), reason recorded. The index number stays with the item and is
 * never issued again; the item leaves the portal lists and the search index.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { itemForAction } from '../catalog-access.js';
import { catalogStore } from '../catalog.store.js';
import { forgetColumnsCache } from '../portal/portal-data.js';
import { canMove } from './item.js';
import { catalogSearch } from '../search-port.js';

export async function withdrawItem(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  reason: string,
): Promise<void> {
  const { item } = await itemForAction(ctx, ctx.db, actor, itemId, 'catalog.publish');
  if (!canMove(item.status, 'withdraw'))
    throw new DomainError('catalog.transition_refused', '只有已公开的条目可以撤回。');
  const why = reason.trim();
  if (!why) throw validationFailed({ reason: '请填写撤回理由' });
  if (why.length > 300) throw validationFailed({ reason: '撤回理由不能超过 300 个字' });
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.updateItem(tx, {
      ...item,
      status: 'withdrawn',
      withdrawReason: why,
      updatedAt: ctx.now().toISOString(),
    });
    await catalogSearch.port.removeItem(tx, itemId);
    // Reposts (转载) by subordinates point at this item: they come down with it.
    await catalogStore.withdrawReposts(tx, itemId, '原文已撤回', ctx.now().toISOString());
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: itemId,
      action: 'catalog.item_withdrawn',
      data: { reason: why, indexNo: item.indexNo },
    });
  });
  await forgetColumnsCache(ctx.db);
}
