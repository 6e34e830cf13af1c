/** Loads an item with its agency and checks the actor may act on it; shared by the item use cases. */
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import { can, type Action } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import { effectiveCalendar } from '../calendar/effective-calendar.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { AppContext } from '../platform/context.js';
import type { Queryable } from '../platform/db/database.js';
import { forbidden, notFound } from '../platform/errors.js';
import { catalogStore } from './catalog.store.js';
import type { Item } from './items/item.js';

export async function itemForAction(
  ctx: AppContext,
  db: Queryable,
  actor: Actor,
  itemId: string,
  action: Action,
): Promise<{ item: Item; agency: Agency; all: Agency[] }> {
  const item = await catalogStore.itemById(db, itemId);
  if (!item) throw notFound('该公开条目');
  const all = await agenciesStore.all(db);
  if (!can(actor, action, item.agencyId, all))
    throw forbidden(
      action === 'catalog.publish' ? '您无权审核发布该机关的信息。' : '您无权编辑该机关的信息。',
    );
  return { item, agency: all.find((a) => a.id === item.agencyId)!, all };
}

/**
 * The working-day calendar an agency's Art. 26 clock follows: the effective calendar (shipped State Council
 * arrangements, replaced by the years administrators imported) with the overlay of the agency's region.
 */
export function calendarOf(
  ctx: Pick<AppContext, 'db'>,
  agency: Pick<Agency, 'calendarRegion'>,
): Promise<WorkCalendar> {
  return effectiveCalendar(ctx, agency.calendarRegion);
}
