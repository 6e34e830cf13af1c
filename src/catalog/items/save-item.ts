/** Use cases: draft a new item, and edit a draft or submitted item. Input is validated and the body sanitised. */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { can } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { DomainError, forbidden, notFound, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { itemForAction } from '../catalog-access.js';
import { catalogStore } from '../catalog.store.js';
import { canMove, type Item, type ItemFields } from './item.js';
import { parseItemInput } from './item-input.js';
import { catalogSearch } from '../search-port.js';

/** Checks that the references of an item point at things of its agency. */
export async function checkReferences(db: Queryable, agencyId: string, f: ItemFields, selfId?: string) {
  const fields: Record<string, string> = {};
  const column = await catalogStore.columnById(db, f.columnId);
  if (!column || column.agencyId !== agencyId) fields.columnId = '所选栏目不属于本机关';
  if (f.subjectCode) {
    if (!(await catalogStore.subjectExists(db, f.subjectCode))) fields.subjectCode = '主题分类不存在';
  }
  if (f.interpretsId) {
    const doc = await catalogStore.itemById(db, f.interpretsId);
    if (!doc || doc.agencyId !== agencyId || doc.id === selfId)
      fields.interpretsId = '所解读的文件不存在或不属于本机关';
    else if (!doc.normative) fields.interpretsId = '只能关联到规范性文件';
  }
  if (f.standardEntryId) {
    if ((await catalogStore.standardEntryAgency(db, f.standardEntryId)) !== agencyId)
      fields.standardEntryId = '所选标准目录事项不属于本机关';
  }
  if (f.normative && f.interpretsId) fields.normative = '政策解读本身不能登记为规范性文件';
  if (Object.keys(fields).length) throw validationFailed(fields);
}

/** A new draft of an agency from validated fields; the system fields start empty. */
export function draftOf(f: ItemFields, agency: Agency, actor: Actor, now: string): Item {
  return {
    ...f,
    id: newId(),
    agencyId: agency.id,
    indexNo: null,
    status: 'draft',
    issuer: f.issuer || agency.name,
    publishedOn: null,
    publishedAt: null,
    validity: 'in_force',
    repealedOn: null,
    validityNote: '',
    spanWorkdays: null,
    late: false,
    revision: 0,
    withdrawReason: '',
    approvals: [],
    createdBy: actor.label,
    createdAt: now,
    updatedAt: now,
  };
}

/** Stores a new draft inside the caller's transaction (the editor's form and the bulk import). */
export async function recordDraft(tx: Queryable, actor: Actor, item: Item): Promise<void> {
  await catalogStore.insertItem(tx, item);
  await catalogSearch.port.indexItem(tx, item);
  await appendEvent(tx, {
    at: new Date(item.createdAt),
    actor,
    agencyId: item.agencyId,
    entityType: 'catalog_item',
    entityId: item.id,
    action: 'catalog.item_drafted',
    data: { title: item.title },
  });
}

export async function createItem(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  input: unknown,
): Promise<{ itemId: string }> {
  const all = await agenciesStore.all(ctx.db);
  const agency = all.find((a) => a.id === agencyId);
  if (!agency) throw notFound('该机关');
  if (!can(actor, 'catalog.edit', agencyId, all)) throw forbidden('您无权为该机关编辑公开信息。');
  const f = parseItemInput(input);
  await checkReferences(ctx.db, agencyId, f);
  const item = draftOf(f, agency, actor, ctx.now().toISOString());
  await ctx.db.transaction().execute((tx) => recordDraft(tx, actor, item));
  return { itemId: item.id };
}

export async function editItem(ctx: AppContext, actor: Actor, itemId: string, input: unknown): Promise<void> {
  const { item } = await itemForAction(ctx, ctx.db, actor, itemId, 'catalog.edit');
  if (!canMove(item.status, 'edit'))
    throw new DomainError('catalog.not_editable', '已公开或已撤回的条目不能直接编辑，请使用“修订”。');
  const f = parseItemInput(input);
  await checkReferences(ctx.db, item.agencyId, f, item.id);
  // A changed item is reviewed again from the first level.
  const next: Item = {
    ...item,
    ...f,
    issuer: f.issuer || item.issuer,
    approvals: [],
    updatedAt: ctx.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await catalogStore.updateItem(tx, next);
    await catalogSearch.port.indexItem(tx, next);
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: item.agencyId,
      entityType: 'catalog_item',
      entityId: item.id,
      action: 'catalog.item_edited',
      data: { title: next.title },
    });
  });
}
