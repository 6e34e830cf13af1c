/**
 * Reminders before the annual report's due day (Art. 49): 14 days before, 3 days before, and once overdue.
 * Each kind is sent once per agency and year; a published report gets none.
 */
import { dayNumber } from '../calendar/dates.js';

export type ReminderKind = 'due_in_14_days' | 'due_in_3_days' | 'overdue';

export const reminderLabel: Record<ReminderKind, string> = {
  due_in_14_days: '距年报公开期限不足 14 天',
  due_in_3_days: '距年报公开期限不足 3 天',
  overdue: '年报已超过公开期限仍未公开',
};

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
