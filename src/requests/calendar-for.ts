/**
 * The working-day calendar of an agency's clocks: the effective calendar (shipped State Council arrangements,
 * replaced by what administrators saved) with the overlay of the agency's region.
 */
import type { Agency } from '../access/agency.js';
import { effectiveCalendar } from '../calendar/effective-calendar.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { AppContext } from '../platform/context.js';

export function calendarFor(
  ctx: Pick<AppContext, 'db'>,
  agency: Pick<Agency, 'calendarRegion'>,
): Promise<WorkCalendar> {
  return effectiveCalendar(ctx, agency.calendarRegion);
}
