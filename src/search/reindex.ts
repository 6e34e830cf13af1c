/**
 * Rebuilds the search index from the catalog (`gongkai search reindex`): every published, draft or
 * submitted item is indexed again (upsert replaces its entry, so search keeps answering meanwhile), then
 * entries whose item is gone or withdrawn are removed. One transaction per batch. The rebuild is recorded in
 * the audit trail (`search.reindexed`), in the transaction of its last step.
 */
import { systemActor, type Actor } from '../platform/actor.js';
import { catalogStore } from '../catalog/catalog.store.js';
import type { AppContext } from '../platform/context.js';
import { appendEvent } from '../platform/events.js';
import { fullTextSearch, indexFor } from './catalog-search.js';
import { searchStore } from './search.store.js';

const indexedStatuses = ['published', 'draft', 'submitted'];

export async function reindex(
  ctx: AppContext,
  progress?: (done: number, total: number) => void,
  batchSize = 200,
  actor: Actor = systemActor('全文检索重建'),
): Promise<{ indexed: number; removed: number }> {
  const total = await searchStore.countCatalogItems(ctx.db, indexedStatuses);
  let indexed = 0;
  let after = '';
  progress?.(0, total);
  for (;;) {
    const ids = await searchStore.catalogItemIdsAfter(ctx.db, indexedStatuses, after, batchSize);
    if (ids.length === 0) break;
    await ctx.db.transaction().execute(async (tx) => {
      for (const item of await catalogStore.itemsByIds(tx, ids)) await fullTextSearch.indexItem(tx, item);
    });
    after = ids[ids.length - 1]!;
    indexed += ids.length;
    progress?.(indexed, total);
  }
  const stale = await searchStore.staleDocIds(ctx.db, indexedStatuses);
  await ctx.db.transaction().execute(async (tx) => {
    for (const s of stale) await indexFor(tx).remove(tx, s.id);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: null,
      entityType: 'search_index',
      entityId: 'catalog',
      action: 'search.reindexed',
      data: { indexed, removed: stale.length },
    });
  });
  return { indexed, removed: stale.length };
}
