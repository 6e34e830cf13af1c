/** Tables of the calendar capability (migration 0100). */
/** Holiday arrangements saved by administrators, one row per version (src/calendar/calendar.store.ts). */
interface CalendarYearTable {
  id: string;
  year: number;
  /** '' = national; else a province code (regional overlay). */
  region: string;
  version: number;
  arrangement: string;
  source: string;
  note: string;
  changed_days: number;
  saved_by_id: string | null;
  saved_by_label: string;
  saved_at: string;
}

interface CalendarTables {
  calendar_years: CalendarYearTable;
}

// Joins these tables into the one Kysely schema (platform/db/schema.ts imports no capability).
declare module '../platform/db/schema.js' {
  interface Database extends CalendarTables {}
}
