/**
 * Use case: a subordinate agency reposts (转载) a superior's published document in one of its columns. The
 * repost is an item of the subordinate that points at the original: it shows the source and links to the
 * original, and has no index number of its own (the original's number identifies the document; a second
 * number for the same document would be a duplicate in the catalog). It is not indexed for search either:
 * the original is. When the original is withdrawn, its reposts are withdrawn with it (withdraw-item.ts).
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { can } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import { legalDayOf } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { conflict, DomainError, forbidden, notFound, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { catalogStore } from '../catalog.store.js';
import type { Item } from '../items/item.js';
import { forgetColumnsCache } from '../portal/portal-data.js';

/** True when `superiorId` is above `agencyId` in the agency tree. */
export function isSuperior(all: readonly Agency[], superiorId: string, agencyId: string): boolean {
  const byId = new Map(all.map((a) => [a.id, a]));
  for (let a = byId.get(agencyId)?.parentId; a; a = byId.get(a)?.parentId ?? null)
    if (a === superiorId) return true;
  return false;
}

export async function repostItem(
  ctx: AppContext,
  actor: Actor,
  input: { originalId: string; agencyId: string; columnId: string },
): Promise<{ itemId: string }> {
  const all = await agenciesStore.all(ctx.db);
  const agency = all.find((a) => a.id === input.agencyId);
  if (!agency) throw notFound('该机关');
  if (!can(actor, 'catalog.publish', agency.id, all)) throw forbidden('您无权发布该机关的信息。');
  const found = await catalogStore.itemById(ctx.db, input.originalId);
  // A repost of a repost points at the first publication.
  const original = found?.repostOf ? await catalogStore.itemById(ctx.db, found.repostOf) : found;
  if (!original || original.status !== 'published') throw notFound('要转载的已公开信息');
  if (!isSuperior(all, original.agencyId, agency.id))
    throw new DomainError('catalog.repost_refused', '只能转载上级机关公开的信息。');
  const column = await catalogStore.columnById(ctx.db, input.columnId);
  if (!column || column.agencyId !== agency.id) throw validationFailed({ columnId: '所选栏目不属于本机关' });
  const already = await catalogStore.publishedRepostOf(ctx.db, original.id, agency.id);
  if (already) throw conflict('本机关已转载过该信息。');
  const source = all.find((a) => a.id === original.agencyId)!;
  const now = ctx.now().toISOString();
  const repost: Item = {
    ...original,
    id: newId(),
    agencyId: agency.id,
    columnId: column.id,
    indexNo: null,
    status: 'published',
    source: source.name,
    // The page shows the original's body, attachments and metadata; nothing is copied that could drift.
    bodyHtml: '',
    normative: false,
    interpretsId: null,
    interpretationExemption: '',
    standardEntryId: null,
    publishedOn: legalDayOf(now),
    publishedAt: now,
    // Art. 26 timeliness belongs to the agency that made the document.
    spanWorkdays: null,
    late: false,
    revision: 1,
    withdrawReason: '',
    approvals: [],
    repostOf: original.id,
    createdBy: actor.label,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.insertItem(tx, repost);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: agency.id,
      entityType: 'catalog_item',
      entityId: repost.id,
      action: 'catalog.item_reposted',
      data: { originalId: original.id, source: source.name, indexNo: original.indexNo },
    });
  });
  await forgetColumnsCache(ctx.db);
  return { itemId: repost.id };
}
