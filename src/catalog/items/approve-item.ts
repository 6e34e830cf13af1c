/**
 * Use case: approval at a review level below the last (三审: an agency configures one to three levels). Each
 * level is a different person; the last level publishes (publish-item.ts). The checks are confirmed at every
 * level, since each reviewer answers for what they passed.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { itemForAction } from '../catalog-access.js';
import { catalogStore } from '../catalog.store.js';
import type { Item } from './item.js';
import { checksOf, requireCleared } from './publish-item.js';

const who = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** Refuses a reviewer who already approved this item (system actors, e.g. the demo loader, are exempt). */
export function requireNewReviewer(item: Item, actor: Actor): void {
  const id = who(actor);
  if (id && item.approvals.some((a) => a.userId === id))
    throw new DomainError('catalog.same_reviewer', '您已审核过该条目，下一级审核须由其他审核人员完成。');
}

export async function approveItem(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  acknowledged: readonly string[] = [],
): Promise<{ level: number; levels: number }> {
  const { item } = await itemForAction(ctx, ctx.db, actor, itemId, 'catalog.publish');
  if (item.status !== 'submitted')
    throw new DomainError('catalog.transition_refused', '只有待审核的条目可以审核。');
  const levels = await catalogStore.reviewLevels(ctx.db, item.agencyId);
  if (item.approvals.length >= levels - 1)
    throw new DomainError('catalog.transition_refused', '该条目已通过前几级审核，请进行最终审核并发布。');
  requireNewReviewer(item, actor);
  requireCleared(await checksOf(ctx.db, item), acknowledged);
  const now = ctx.now().toISOString();
  const approvals = [...item.approvals, { userId: who(actor), label: actor.label, at: now }];
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.updateItem(tx, { ...item, approvals, updatedAt: now });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: itemId,
      action: 'catalog.item_approved',
      data: { level: approvals.length, levels, acknowledged: [...acknowledged] },
    });
  });
  return { level: approvals.length, levels };
}
