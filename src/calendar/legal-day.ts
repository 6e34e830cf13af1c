/**
 * Legal days are days in China Standard Time (Asia/Shanghai), whatever the server's time zone: an online
 * submission at 01:00 on the 3rd, Beijing time, was received on the 3rd (条例 Art. 31; DESIGN.md "Storage").
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for every instant this
 * platform handles and avoids the cost of Intl in the hot path; the test checks it against Intl.
 */
import { DomainError } from '../platform/errors.js';
import { type IsoDate, isIsoDate, isoDateOf } from './dates.js';

const CST_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86400 * 1000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The legal day (Asia/Shanghai) of an ISO-8601 instant with an explicit offset, e.g. `2025-01-02T17:00:00Z` → `2025-01-03`. */
export function legalDayOf(instant: string): IsoDate {
  const ms = INSTANT.test(instant) ? Date.parse(instant) : NaN;
  if (Number.isNaN(ms)) {
    throw new DomainError(
      'calendar.invalid_instant',
      `时间“${instant}”不是带时区的 ISO-8601 时间（如 2025-01-02T17:00:00Z）。`,
    );
  }
  return isoDateOf(Math.floor((ms + CST_OFFSET_MS) / DAY_MS));
}

/** Accepts a legal day as-is, or converts an instant to its legal day. */
export function toLegalDay(dayOrInstant: string): IsoDate {
  return isIsoDate(dayOrInstant) ? dayOrInstant : legalDayOf(dayOrInstant);
}

/** Today's legal day on the context's clock (`ctx.now()`), never the machine's: tests own the time. */
export function legalToday(ctx: { now: () => Date }): IsoDate {
  return legalDayOf(ctx.now().toISOString());
}
