/**
 * Which years have a national arrangement, and where it comes from: shipped with the project, saved by an
 * administrator, or missing (then dates in it are provisional). The admin screen and the warning use it.
 */
import type { AppContext } from '../platform/context.js';
import type { SavedNational } from './calendar.store.js';
import { shippedArrangements } from './data/shipped.js';
import { yearOf } from './dates.js';
import { effectiveCalendarData } from './effective-calendar.js';
import { legalToday } from './legal-day.js';

export type YearSource = 'shipped' | 'imported' | 'missing';

interface YearStatus {
  year: number;
  source: YearSource;
  notices: string[];
  /** The latest saved version, when an administrator saved one. */
  saved?: SavedNational;
}

const FIRST_SHIPPED_YEAR = 2007;

/** The current year in China Standard Time. */
const currentYear = (ctx: Pick<AppContext, 'now'>): number => yearOf(legalToday(ctx));

export async function yearStatuses(ctx: Pick<AppContext, 'db' | 'now'>): Promise<YearStatus[]> {
  const data = await effectiveCalendarData(ctx);
  const shipped = new Set(shippedArrangements().map((a) => a.year));
  const saved = new Map(
    data.saved.filter((v): v is SavedNational => v.region === null).map((v) => [v.year, v]),
  );
  const last = Math.max(currentYear(ctx) + 1, ...saved.keys());
  const out: YearStatus[] = [];
  for (let year = last; year >= FIRST_SHIPPED_YEAR; year--) {
    const a = data.arrangements.find((x) => x.year === year);
    const s = saved.get(year);
    out.push({
      year,
      source: s ? 'imported' : shipped.has(year) ? 'shipped' : 'missing',
      notices: (a?.notices ?? []).map((n) => (n.docNo ? `${n.title}（${n.docNo}）` : n.title)),
      ...(s ? { saved: s } : {}),
    });
  }
  return out;
}

/** Warnings for administrators: the current or the next year has no arrangement (its dates are provisional). */
export async function missingYearWarnings(ctx: Pick<AppContext, 'db' | 'now'>): Promise<string[]> {
  const now = currentYear(ctx);
  const missing = (await yearStatuses(ctx)).filter(
    (s) => s.source === 'missing' && (s.year === now || s.year === now + 1),
  );
  return missing.map(
    (s) =>
      `${s.year}年的国务院节假日安排尚未载入：涉及该年的期限仅按周末推算，为暂定结果。国务院办公厅发布通知后，请尽快在“工作日历”中载入。`,
  );
}
