/**
 * 条例 Art. 26: information is disclosed within 20 working days from the day it is formed or changed.
 * The start day is not counted (calendar README); a publication after the 20th working day is late.
 */
import type { WorkCalendar } from '../../calendar/work-calendar.js';

const ART26_WORKING_DAYS = 20;

export interface Timeliness {
  /** The last day that is on time. */
  dueOn: string;
  /** Working days from formation to publication (the formation day not counted). */
  spanWorkdays: number;
  late: boolean;
  provisional: boolean;
}

export function art26Timeliness(cal: WorkCalendar, writtenOn: string, publishedOn: string): Timeliness {
  const due = cal.addWorkingDays(writtenOn, ART26_WORKING_DAYS);
  const span = publishedOn <= writtenOn ? 0 : cal.workingDaysBetween(writtenOn, publishedOn);
  return { dueOn: due.date, spanWorkdays: span, late: publishedOn > due.date, provisional: due.provisional };
}
