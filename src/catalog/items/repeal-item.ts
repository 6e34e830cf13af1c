/**
 * Use case: a published document is repealed (废止) or expires (失效). The original page stays and is stamped
 * (网站发展指引: publish the change and mark the original); the registry counts it in that year.
 */
import type { Actor } from '../../platform/actor.js';
import { isIsoDate } from '../../calendar/dates.js';
import { legalToday } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { DomainError, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { itemForAction } from '../catalog-access.js';
import { catalogStore } from '../catalog.store.js';
import type { Item } from './item.js';
import { forgetColumnsCache } from '../portal/portal-data.js';
import { catalogSearch } from '../search-port.js';

export async function endValidity(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  input: { validity: string; on: string; note: string },
): Promise<void> {
  const { item } = await itemForAction(ctx, ctx.db, actor, itemId, 'catalog.publish');
  if (item.status !== 'published')
    throw new DomainError('catalog.transition_refused', '只有已公开的文件可以标注废止或失效。');
  if (item.validity !== 'in_force')
    throw new DomainError('catalog.transition_refused', '该文件已标注为废止或失效。');
  const fields: Record<string, string> = {};
  if (input.validity !== 'repealed' && input.validity !== 'expired') fields.validity = '请选择“废止”或“失效”';
  const today = legalToday(ctx);
  if (!isIsoDate(input.on)) fields.on = '请填写有效日期，格式如 2026-03-01';
  else if (input.on > today) fields.on = '废止或失效日期不能晚于今天';
  else if (item.publishedOn && input.on < item.publishedOn) fields.on = '废止或失效日期不能早于发布日期';
  if (input.note.length > 300) fields.validityNote = '说明不能超过 300 个字';
  if (Object.keys(fields).length) throw validationFailed(fields);
  await ctx.db
    .transaction()
    .execute((tx) =>
      stampEnded(tx, ctx.now().toISOString(), actor, item, input.validity as Ended, input.on, input.note),
    );
  await forgetColumnsCache(ctx.db);
}

type Ended = Exclude<Item['validity'], 'in_force'>;

/**
 * Stamps a published item repealed or expired on `on` inside the caller's transaction: a new revision (the
 * public history says when and why), the search entry and an event. Shared with the automatic expiry.
 */
export async function stampEnded(
  tx: Queryable,
  now: string,
  actor: Actor,
  item: Item,
  validity: Ended,
  on: string,
  note: string,
): Promise<void> {
  const next: Item = {
    ...item,
    validity,
    repealedOn: on,
    validityNote: note.trim(),
    revision: item.revision + 1,
    updatedAt: now,
  };
  const label = validity === 'repealed' ? '废止' : '失效';
  await catalogStore.updateItem(tx, next);
  await catalogStore.addRevision(tx, {
    itemId: item.id,
    revision: next.revision,
    at: now,
    actorLabel: actor.label,
    note: `${on} ${label}${next.validityNote ? `：${next.validityNote}` : ''}`,
    snapshot: next,
  });
  await catalogSearch.port.indexItem(tx, next);
  await appendEvent(tx, {
    at: new Date(now),
    actor,
    agencyId: item.agencyId,
    entityType: 'catalog_item',
    entityId: item.id,
    action: validity === 'repealed' ? 'catalog.item_repealed' : 'catalog.item_expired',
    data: { on },
  });
}
