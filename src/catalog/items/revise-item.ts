/**
 * Use case: revise a published item (修订). The item stays published under the same index number and
 * publication date; each revision is kept and listed publicly, and the search index is updated.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { itemForAction } from '../catalog-access.js';
import { catalogStore } from '../catalog.store.js';
import { canMove, type Item } from './item.js';
import { parseItemInput } from './item-input.js';
import { checksOf, requireCleared } from './publish-item.js';
import { checkReferences } from './save-item.js';
import { registerDocument } from '../registry/register-document.js';
import { legalDayOf } from '../../calendar/legal-day.js';
import { forgetColumnsCache } from '../portal/portal-data.js';
import { catalogSearch } from '../search-port.js';

export async function reviseItem(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  input: unknown,
  note: string,
  acknowledged: readonly string[] = [],
): Promise<{ revision: number }> {
  const { item, agency } = await itemForAction(ctx, ctx.db, actor, itemId, 'catalog.publish');
  if (!canMove(item.status, 'revise'))
    throw new DomainError('catalog.transition_refused', '只有已公开的条目可以修订。');
  const f = parseItemInput(input);
  if (!note.trim()) throw validationFailed({ note: '请填写修订说明（将随修订记录公开）' });
  await checkReferences(ctx.db, item.agencyId, f, item.id);
  const now = ctx.now().toISOString();
  const next: Item = {
    ...item,
    ...f,
    issuer: f.issuer || item.issuer,
    revision: item.revision + 1,
    updatedAt: now,
  };
  requireCleared(await checksOf(ctx.db, next), acknowledged);
  await ctx.db.transaction().execute(async (tx) => {
    // Revised into a normative document: it is registered now, as publication would have (统一登记); an
    // item already registered keeps its number.
    if (next.normative) {
      const registration = await registerDocument(tx, agency, next, legalDayOf(now));
      next.expiresOn = registration.expiresOn;
    }
    await catalogStore.updateItem(tx, next);
    await catalogStore.addRevision(tx, {
      itemId,
      revision: next.revision,
      at: now,
      actorLabel: actor.label,
      note: note.trim().slice(0, 300),
      snapshot: next,
    });
    await catalogSearch.port.indexItem(tx, next);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: itemId,
      action: 'catalog.item_revised',
      data: { revision: next.revision, note: note.trim().slice(0, 300) },
    });
  });
  await forgetColumnsCache(ctx.db);
  return { revision: next.revision };
}
