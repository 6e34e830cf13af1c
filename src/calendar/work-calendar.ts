/**
 * The working-day calendar (工作日): weekdays, minus the holidays and plus the make-up days (调休) of the
 * State Council's yearly arrangements, plus an agency region's overlay. Built once from data, then answers
 * every question in O(1) from precomputed arrays: a status per day, a cumulative count of working days and
 * the ordered list of working days (so "the N-th working day after d" is one array lookup).
 *
 * A day in a year whose national arrangement is not loaded is computed on weekends alone and every result
 * that depends on it is marked provisional: it must never pass silently as final.
 */
import { DomainError } from '../platform/errors.js';
import type { HolidayArrangement, RegionalOverlay } from './arrangement.js';
import { provinceOf } from './arrangement.js';
import {
  type IsoDate,
  civilFromDays,
  daysFromCivil,
  dayNumber,
  isWeekend,
  isoDateOf,
  parseIsoDate,
} from './dates.js';

/** Why a day is or is not a working day; the explanation and the admin UI show it. */
export type DayStatus =
  | 'weekday' // Monday–Friday, working
  | 'weekend' // Saturday/Sunday, not working
  | 'holiday' // national holiday or bridged rest day (放假)
  | 'makeup' // weekend day worked instead (调休上班)
  | 'regional_holiday' // the region's own holiday (e.g. 广西 三月三)
  | 'regional_makeup'; // weekend day worked under the region's notice

const STATUSES: DayStatus[] = [
  'weekday',
  'weekend',
  'holiday',
  'makeup',
  'regional_holiday',
  'regional_makeup',
];
const WORKING: boolean[] = [true, false, false, true, false, true];

interface DayInfo {
  date: IsoDate;
  working: boolean;
  status: DayStatus;
  /** Holiday name from the notice, when the day is listed. */
  name?: string;
  /** The day's year has no loaded national arrangement: computed on weekends alone. */
  provisional: boolean;
}

interface DayResult {
  date: IsoDate;
  provisional: boolean;
}

interface CalendarOptions {
  /** Administrative division code of the agency (any level); its province's overlay applies. */
  region?: string | null;
  /** Count overlay days marked `confirmed: false` (default: no — unverified facts never shorten or lengthen a deadline). */
  includeUnconfirmed?: boolean;
}

/** Supported range: 1970-01-01 … 2169-12-31 (day numbers 0 … END-1). */
const END = daysFromCivil(2170, 1, 1);
const FIRST_DAY = '1970-01-01';
const LAST_DAY = isoDateOf(END - 1);

export class WorkCalendar {
  private readonly status = new Uint8Array(END);
  /** cumWork[i] = working days in [0, i). */
  private readonly cumWork = new Int32Array(END + 1);
  /** cumProvisional[i] = days in [0, i) whose year has no arrangement. */
  private readonly cumProvisional = new Int32Array(END + 1);
  private readonly workDays: Int32Array;
  private readonly names = new Map<number, string>();
  /** Notice years loaded (national). */
  readonly years: ReadonlySet<number>;
  readonly region: string | null;

  constructor(
    arrangements: readonly HolidayArrangement[],
    overlays: readonly RegionalOverlay[] = [],
    options: CalendarOptions = {},
  ) {
    this.region = options.region ? provinceOf(options.region) : null;
    this.years = new Set(arrangements.map((a) => a.year));
    for (let n = 0; n < END; n++) this.status[n] = isWeekend(n) ? 1 : 0;
    // Later notices override earlier ones for the same day (a notice may re-arrange the neighbouring year).
    for (const a of [...arrangements].sort((x, y) => x.year - y.year)) {
      for (const d of a.days) this.mark(dayNumber(d.date), d.kind === 'off' ? 2 : 3, d.name);
    }
    for (const o of overlays) {
      if (o.region !== this.region) continue;
      for (const d of o.days) {
        if (d.confirmed === false && !options.includeUnconfirmed) continue;
        this.mark(dayNumber(d.date), d.kind === 'off' ? 4 : 5, d.name);
      }
    }
    let work = 0;
    let prov = 0;
    for (let n = 0; n < END; n++) {
      this.cumWork[n] = work;
      this.cumProvisional[n] = prov;
      if (WORKING[this.status[n]!]) work++;
      if (!this.years.has(civilFromDays(n)[0])) prov++;
    }
    this.cumWork[END] = work;
    this.cumProvisional[END] = prov;
    this.workDays = new Int32Array(work);
    for (let n = 0, i = 0; n < END; n++) if (WORKING[this.status[n]!]) this.workDays[i++] = n;
  }

  private mark(n: number, code: number, name: string): void {
    if (n < 0 || n >= END) return;
    // A listed working day on Monday–Friday (e.g. 2020-02-03) is an ordinary weekday, not a make-up day.
    this.status[n] = (code === 3 || code === 5) && !isWeekend(n) ? 0 : code;
    if (name) this.names.set(n, name);
  }

  // ---- numeric API (day numbers), used by the clocks and the benchmark ----

  /** Validates that a day number is in the supported range. */
  check(n: number): number {
    if (!(n >= 0 && n < END)) {
      throw new DomainError('calendar.out_of_range', `日期超出支持范围（${FIRST_DAY} 至 ${LAST_DAY}）。`);
    }
    return n;
  }

  isWorkingN(n: number): boolean {
    return WORKING[this.status[this.check(n)]!]!;
  }

  statusN(n: number): DayStatus {
    return STATUSES[this.status[this.check(n)]!]!;
  }

  nameN(n: number): string | undefined {
    return this.names.get(n);
  }

  /** The N-th working day after day n (n itself not counted); n when count is 0. */
  addN(n: number, count: number): number {
    if (count === 0) return this.check(n);
    const target = this.cumWork[this.check(n) + 1]! + count - 1;
    const r = this.workDays[target];
    if (r === undefined || target < 0) return this.check(-1);
    return r;
  }

  /** Working days in (a, b]: the days counted from a to b; negative when b < a. */
  betweenN(a: number, b: number): number {
    return this.cumWork[this.check(b) + 1]! - this.cumWork[this.check(a) + 1]!;
  }

  /** True if any day in (a, b] lies in a year with no arrangement. */
  provisionalN(a: number, b: number): boolean {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    return this.cumProvisional[this.check(hi) + 1]! - this.cumProvisional[this.check(lo) + 1]! > 0;
  }

  /** First working day on or after n (a period ending on a non-working day runs to the next working day). */
  rollForwardN(n: number): number {
    return this.isWorkingN(n) ? n : this.addN(n, 1);
  }

  // ---- IsoDate API ----

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingN(dayNumber(parseIsoDate(date)));
  }

  isProvisional(date: IsoDate): boolean {
    const n = dayNumber(parseIsoDate(date));
    return this.provisionalN(n - 1, n);
  }

  dayInfo(date: IsoDate): DayInfo {
    const n = dayNumber(parseIsoDate(date));
    const name = this.names.get(n);
    return {
      date,
      working: this.isWorkingN(n),
      status: this.statusN(n),
      ...(name === undefined ? {} : { name }),
      provisional: this.provisionalN(n - 1, n),
    };
  }

  /**
   * The due date of a period of `count` working days starting on `date`: the day of receipt is not counted
   * and the due date is the count-th working day after it (条例 Art. 33 "自收到申请之日起20个工作日内"; the
   * counting convention is ours, see README: spec §1.4 marks it [M]).
   */
  addWorkingDays(date: IsoDate, count: number): DayResult {
    if (!Number.isInteger(count) || count < 0) {
      throw new DomainError('calendar.invalid_count', `工作日天数“${count}”无效，应为不小于 0 的整数。`);
    }
    const n = dayNumber(parseIsoDate(date));
    const r = this.addN(n, count);
    return { date: isoDateOf(r), provisional: this.provisionalN(n, r) };
  }

  /** Working days counted from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    return this.betweenN(dayNumber(parseIsoDate(from)), dayNumber(parseIsoDate(to)));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): DayResult {
    return this.addWorkingDays(date, 1);
  }

  /** `date` itself if it is a working day, else the next working day. */
  workingDayOnOrAfter(date: IsoDate): DayResult {
    const n = dayNumber(parseIsoDate(date));
    const r = this.rollForwardN(n);
    return { date: isoDateOf(r), provisional: this.provisionalN(n - 1, r) };
  }

  /** Every working day of a calendar year. */
  workingDaysOfYear(year: number): IsoDate[] {
    const from = this.check(daysFromCivil(year, 1, 1));
    const to = this.check(daysFromCivil(year + 1, 1, 1) - 1);
    const out: IsoDate[] = [];
    for (let i = this.cumWork[from]!; i < this.cumWork[to + 1]!; i++) out.push(isoDateOf(this.workDays[i]!));
    return out;
  }
}
