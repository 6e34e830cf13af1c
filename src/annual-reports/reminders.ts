/**
 * Reminders before the annual report's due day (Art. 49): 14 days before, 3 days before, and once overdue.
 * Each kind is sent once per agency and year; a published report gets none.
 */
import { dayNumber } from '../calendar/dates.js';

export type ReminderKind = 'due_in_14_days' | 'due_in_3_days' | 'overdue';

/** The reminder due today, if any; `sent` are the kinds already sent for this agency and year. */
export function reminderDue(
  dueOn: string,
  today: string,
  published: boolean,
  sent: readonly ReminderKind[],
): ReminderKind | null {
  if (published) return null;
  const left = dayNumber(dueOn) - dayNumber(today);
  const kind: ReminderKind | null =
    left < 0 ? 'overdue' : left <= 3 ? 'due_in_3_days' : left <= 14 ? 'due_in_14_days' : null;
  return kind && !sent.includes(kind) ? kind : null;
}
