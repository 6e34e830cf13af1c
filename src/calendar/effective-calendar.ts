/**
 * The calendar every clock uses: the shipped arrangements, replaced year by year by what administrators
 * saved (calendar_years), plus the agency region's overlay. Built once and cached per database; a save in
 * this process drops the cache at once, and because app nodes may be several, each node also re-checks a
 * cheap fingerprint of calendar_years (row count and latest save) at most every 30 seconds.
 */
import type { AppContext } from '../platform/context.js';
import type { Queryable } from '../platform/db/database.js';
import type { HolidayArrangement, RegionalOverlay } from './arrangement.js';
import { provinceOf } from './arrangement.js';
import { calendarStore, type SavedVersion } from './calendar.store.js';
import { shippedArrangements, shippedOverlays } from './data/shipped.js';
import { yearOf } from './dates.js';
import { WorkCalendar } from './work-calendar.js';

export interface EffectiveCalendarData {
  /** Effective national arrangements by notice year. */
  arrangements: HolidayArrangement[];
  /** Effective overlays: shipped days, with each year an administrator saved replaced by the saved days. */
  overlays: RegionalOverlay[];
  /** The latest saved version of each (year, region). */
  saved: SavedVersion[];
}

/** Composes shipped data and saved versions (uncached; the save use case reads "before" through it). */
export async function loadEffectiveCalendarData(db: Queryable): Promise<EffectiveCalendarData> {
  const saved = await calendarStore.latest(db);
  const byYear = new Map(shippedArrangements().map((a) => [a.year, a]));
  const overlays = new Map(shippedOverlays().map((o) => [o.region, o]));
  for (const v of saved) {
    if (v.region === null) {
      byYear.set(v.year, v.arrangement);
      continue;
    }
    const base = overlays.get(v.region);
    overlays.set(v.region, {
      ...(base ?? v.overlay),
      notices: [...(base?.notices ?? []), ...v.overlay.notices],
      days: [...(base?.days ?? []).filter((d) => yearOf(d.date) !== v.year), ...v.overlay.days].sort((a, b) =>
        a.date.localeCompare(b.date),
      ),
    });
  }
  return {
    arrangements: [...byYear.values()].sort((a, b) => a.year - b.year),
    overlays: [...overlays.values()],
    saved,
  };
}

export const REVALIDATE_MS = 30_000;
/** Replaceable in tests: the clock that paces re-validation (not ctx.now, which tests move to other years). */
export const cacheClock = { now: () => Date.now() };

interface Entry {
  data: Promise<EffectiveCalendarData>;
  stamp: Promise<string>;
  checkedAt: number;
  calendars: Map<string, WorkCalendar>;
}

const cache = new WeakMap<object, Entry>();

function load(db: Queryable): Entry {
  // The stamp is read before the data: a save landing between the two reads makes the next check reload.
  const stamp = calendarStore.stamp(db);
  const entry: Entry = {
    stamp,
    data: stamp.then(() => loadEffectiveCalendarData(db)),
    checkedAt: cacheClock.now(),
    calendars: new Map(),
  };
  cache.set(db, entry);
  entry.data.catch(() => cache.delete(db));
  return entry;
}

async function currentEntry(db: Queryable): Promise<Entry> {
  const entry = cache.get(db);
  if (!entry) return load(db);
  if (cacheClock.now() - entry.checkedAt < REVALIDATE_MS) return entry;
  entry.checkedAt = cacheClock.now();
  const [was, now] = await Promise.all([entry.stamp, calendarStore.stamp(db)]);
  return was === now ? entry : cache.get(db) === entry ? load(db) : currentEntry(db);
}

/** Drops this process's cached calendars (called by the save use case after it commits). */
export function invalidateCalendarCache(db: Queryable): void {
  cache.delete(db);
}

/** The effective data, cached (the admin screens and the CLI read it). */
export async function effectiveCalendarData(ctx: Pick<AppContext, 'db'>): Promise<EffectiveCalendarData> {
  return (await currentEntry(ctx.db)).data;
}

/**
 * The working-day calendar for an agency: national arrangements plus the overlay of `region` (the agency's
 * `calendarRegion`, any division code; its province's overlay applies). Unconfirmed overlay days count only
 * with `includeUnconfirmed`.
 */
export async function effectiveCalendar(
  ctx: Pick<AppContext, 'db'>,
  region?: string | null,
  options: { includeUnconfirmed?: boolean } = {},
): Promise<WorkCalendar> {
  const entry = await currentEntry(ctx.db);
  const province = region ? provinceOf(region) : null;
  const key = `${province ?? ''}|${options.includeUnconfirmed ? 1 : 0}`;
  let cal = entry.calendars.get(key);
  if (!cal) {
    const data = await entry.data;
    cal = entry.calendars.get(key);
    if (!cal) {
      cal = new WorkCalendar(data.arrangements, data.overlays, {
        region: province,
        includeUnconfirmed: Boolean(options.includeUnconfirmed),
      });
      entry.calendars.set(key, cal);
    }
  }
  return cal;
}
