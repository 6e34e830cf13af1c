/**
 * Day arithmetic on `YYYY-MM-DD` strings (`IsoDate`) through integer day numbers (days since 1970-01-01).
 * Day numbers carry no time zone: a legal day is already a day in China Standard Time (see legal-day.ts).
 * The conversions are hand-written (no Date objects) because the benchmark recomputes a million clocks.
 */
import { DomainError } from '../platform/errors.js';

/** A day as `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(n: number): [year: number, month: number, day: number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True for a real calendar day written as `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Validates user input; throws a DomainError with a Chinese message. */
export function parseIsoDate(s: unknown, what = '日期'): IsoDate {
  if (!isIsoDate(s)) {
    throw new DomainError(
      'calendar.invalid_date',
      `${what}“${String(s)}”不是有效的日期，请按 YYYY-MM-DD 格式填写真实存在的日期。`,
    );
  }
  return s;
}

/** Day number of an IsoDate. Unchecked fast path: callers validate user input with parseIsoDate first. */
export function dayNumber(s: IsoDate): number {
  const y =
    (s.charCodeAt(0) - 48) * 1000 +
    (s.charCodeAt(1) - 48) * 100 +
    (s.charCodeAt(2) - 48) * 10 +
    (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  return daysFromCivil(y, m, d);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function isoDateOf(n: number): IsoDate {
  const [y, m, d] = civilFromDays(n);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function isWeekend(n: number): boolean {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
}

export function yearOf(s: IsoDate): number {
  return Number(s.slice(0, 4));
}

export function addCalendarDays(s: IsoDate, days: number): IsoDate {
  return isoDateOf(dayNumber(s) + days);
}

/**
 * Adds whole months, landing on the same day of the month, or on the month's last day when that day does
 * not exist (2025-08-31 + 6 months = 2026-02-28): a period "counted as months" ends on the corresponding day.
 */
export function addMonths(s: IsoDate, months: number): IsoDate {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${ny}-${pad2(nm)}-${pad2(nd)}`;
}

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 2025年1月20日（星期一） */
export function formatDateZh(s: IsoDate, withWeekday = true): string {
  const text = `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
  return withWeekday ? `${text}（${WEEKDAY_ZH[weekdayOf(dayNumber(s))]}）` : text;
}
