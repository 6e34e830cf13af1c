/**
 * The working-day calendar a message's promise runs on: the national arrangements (shipped and
 * administrator-imported) plus the agency's regional overlay.
 */
import { effectiveCalendar } from '../calendar/effective-calendar.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { AppContext } from '../platform/context.js';

export function messageCalendar(ctx: AppContext, region: string | null): Promise<WorkCalendar> {
  return effectiveCalendar(ctx, region);
}

/** Calendars for every region among `agencies`, fetched once, for pages that compute many clocks. */
export async function messageCalendars(
  ctx: AppContext,
  agencies: readonly { calendarRegion: string | null }[],
): Promise<(region: string | null) => WorkCalendar> {
  const regions = [...new Set([null, ...agencies.map((a) => a.calendarRegion)])];
  const calendars = new Map(
    await Promise.all(regions.map(async (r) => [r, await messageCalendar(ctx, r)] as const)),
  );
  return (region) => calendars.get(region) ?? calendars.get(null)!;
}
