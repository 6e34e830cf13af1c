/** Loads an item with its agency and checks the actor may act on it; shared by the item use cases. */
import { agenciesStore } from '../agencies/agencies.store.js';
import type { Agency } from '../agencies/agency.js';
import { can, type Action, type Actor } from '../agencies/permissions.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { shippedArrangements, shippedOverlays } from '../calendar/data/shipped.js';
import type { AppContext } from '../platform/context.js';
import type { Queryable } from '../platform/db/database.js';
import { forbidden, notFound } from '../platform/errors.js';
import { catalogStore } from './catalog.store.js';
import type { Item } from './item.js';

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

const calendars = new Map<string, WorkCalendar>();

/** The working-day calendar an agency's clocks follow (national arrangements plus its region's overlay). */
export function calendarOf(agency: Pick<Agency, 'calendarRegion' | 'divisionCode'>): WorkCalendar {
  const region = agency.calendarRegion ?? '';
  let cal = calendars.get(region);
  if (!cal) {
    cal = new WorkCalendar(shippedArrangements(), shippedOverlays(), { region: region || null });
    calendars.set(region, cal);
  }
  return cal;
}
