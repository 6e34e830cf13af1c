/**
 * The working-day calendar a message's promise runs on. One function on purpose: when the calendar
 * capability's `effectiveCalendar(ctx, region)` lands on main (admin-edited arrangements), this body becomes
 * that one call.
 */
import { shippedArrangements, shippedOverlays } from '../calendar/data/shipped.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import type { AppContext } from '../platform/context.js';

const cache = new Map<string, WorkCalendar>();

export function messageCalendar(_ctx: AppContext, region: string | null): WorkCalendar {
  const key = region ?? '';
  let cal = cache.get(key);
  if (!cal) {
    cal = new WorkCalendar(shippedArrangements(), shippedOverlays(), { region });
    cache.set(key, cal);
  }
  return cal;
}
