/**
 * The working-day calendar of an agency. Until calendar overrides are persisted (`effectiveCalendar(ctx,
 * region)`), the shipped State Council arrangements and regional overlays; swapping is a one-line change here.
 */
import type { Agency } from '../agencies/agency.js';
import { shippedArrangements, shippedOverlays } from '../calendar/data/shipped.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import type { AppContext } from '../platform/context.js';

const cache = new Map<string, WorkCalendar>();

export function calendarFor(_ctx: AppContext, agency: Pick<Agency, 'calendarRegion'>): WorkCalendar {
  const region = agency.calendarRegion ?? '';
  let cal = cache.get(region);
  if (!cal) {
    cal = new WorkCalendar(shippedArrangements(), shippedOverlays(), { region: region || null });
    cache.set(region, cal);
  }
  return cal;
}
