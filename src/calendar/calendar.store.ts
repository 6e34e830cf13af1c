/**
 * The calendar_years table: every saved version of a year's arrangement (national, or a region's overlay
 * days of that year), never updated or deleted, so the history of changes is the table itself.
 */
import type { Queryable } from '../platform/db/database.js';
import type { HolidayArrangement, RegionalOverlay } from './arrangement.js';

export interface SavedVersionMeta {
  id: string;
  year: number;
  /** null = national. */
  region: string | null;
  version: number;
  source: string;
  note: string;
  changedDays: number;
  savedById: string | null;
  savedByLabel: string;
  savedAt: string;
}

export type SavedNational = SavedVersionMeta & { region: null; arrangement: HolidayArrangement };
type SavedOverlay = SavedVersionMeta & { region: string; overlay: RegionalOverlay };
export type SavedVersion = SavedNational | SavedOverlay;

type Row = {
  id: string;
  year: number;
  region: string;
  version: number;
  source: string;
  note: string;
  changed_days: number;
  saved_by_id: string | null;
  saved_by_label: string;
  saved_at: string;
};

const meta = (r: Row): SavedVersionMeta => ({
  id: r.id,
  year: Number(r.year),
  region: r.region || null,
  version: Number(r.version),
  source: r.source,
  note: r.note,
  changedDays: Number(r.changed_days),
  savedById: r.saved_by_id,
  savedByLabel: r.saved_by_label,
  savedAt: r.saved_at,
});

const withData = (r: Row & { arrangement: string }): SavedVersion =>
  r.region
    ? { ...meta(r), region: r.region, overlay: JSON.parse(r.arrangement) as RegionalOverlay }
    : { ...meta(r), region: null, arrangement: JSON.parse(r.arrangement) as HolidayArrangement };

const metaColumns = [
  'id',
  'year',
  'region',
  'version',
  'source',
  'note',
  'changed_days',
  'saved_by_id',
  'saved_by_label',
  'saved_at',
] as const;

export const calendarStore = {
  /** The latest version of every (year, region) that has one. */
  async latest(db: Queryable): Promise<SavedVersion[]> {
    const rows = await db
      .selectFrom('calendar_years as c')
      .selectAll('c')
      .where((eb) =>
        eb(
          'c.version',
          '=',
          eb
            .selectFrom('calendar_years as o')
            .select(({ fn }) => fn.max('o.version').as('v'))
            .whereRef('o.year', '=', 'c.year')
            .whereRef('o.region', '=', 'c.region'),
        ),
      )
      .orderBy('c.year')
      .orderBy('c.region')
      .execute();
    return rows.map(withData);
  },

  /** Every version of one (year, region), newest first, without the data. */
  async history(db: Queryable, year: number, region: string | null = null): Promise<SavedVersionMeta[]> {
    const rows = await db
      .selectFrom('calendar_years')
      .select(metaColumns)
      .where('year', '=', year)
      .where('region', '=', region ?? '')
      .orderBy('version', 'desc')
      .execute();
    return rows.map(meta);
  },

  /** Every version of every year, newest first, without the data (the admin history list). */
  async allHistory(db: Queryable, limit = 200): Promise<SavedVersionMeta[]> {
    const rows = await db
      .selectFrom('calendar_years')
      .select(metaColumns)
      .orderBy('saved_at', 'desc')
      .orderBy('version', 'desc')
      .limit(limit)
      .execute();
    return rows.map(meta);
  },

  async nextVersion(db: Queryable, year: number, region: string | null): Promise<number> {
    const r = await db
      .selectFrom('calendar_years')
      .select(({ fn }) => fn.max('version').as('v'))
      .where('year', '=', year)
      .where('region', '=', region ?? '')
      .executeTakeFirst();
    return Number(r?.v ?? 0) + 1;
  },

  async insert(
    db: Queryable,
    v: SavedVersionMeta & { data: HolidayArrangement | RegionalOverlay },
  ): Promise<void> {
    await db
      .insertInto('calendar_years')
      .values({
        id: v.id,
        year: v.year,
        region: v.region ?? '',
        version: v.version,
        arrangement: JSON.stringify(v.data),
        source: v.source,
        note: v.note,
        changed_days: v.changedDays,
        saved_by_id: v.savedById,
        saved_by_label: v.savedByLabel,
        saved_at: v.savedAt,
      })
      .execute();
  },

  /** A cheap fingerprint of the table: other app nodes compare it to know their cache is stale. */
  async stamp(db: Queryable): Promise<string> {
    const r = await db
      .selectFrom('calendar_years')
      .select(({ fn }) => [fn.countAll().as('n'), fn.max('saved_at').as('at')])
      .executeTakeFirst();
    return `${Number(r?.n ?? 0)}|${r?.at ?? ''}`;
  },
};
