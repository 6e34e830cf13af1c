/**
 * Scheduled: records a reminder event for each open message as it becomes due soon, overdue, and open for
 * more than 3 months (portal-standards §7 V4), once per level. Staff see them in the event log and the
 * message list; the supervisor's dashboard counts the same states from the stored dates.
 */
import { agenciesStore } from '../access/agencies.store.js';
import { systemActor } from '../platform/actor.js';
import { addCalendarDays } from '../calendar/dates.js';
import { legalToday } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import { appendEvent } from '../platform/events.js';
import { messageCalendar } from './message-calendar.js';
import { messagesStore } from './messages.store.js';
import { urgencyLabel, urgencyLevel, urgencyOf, type Urgency } from './promise.js';

const actionOf: Record<Exclude<Urgency, 'on_time'>, string> = {
  due_soon: 'message.reply_due_soon',
  overdue: 'message.overdue',
  critical: 'message.open_over_3_months',
};

/** Returns how many reminders were recorded. */
export async function sendMessageReminders(ctx: AppContext): Promise<number> {
  const today = legalToday(ctx);
  // Two weeks of calendar days covers "one working day before due" even across the Golden Week.
  const candidates = await messagesStore.reminderCandidates(ctx.db, addCalendarDays(today, 14));
  if (candidates.length === 0) return 0;
  const agencies = new Map((await agenciesStore.all(ctx.db)).map((a) => [a.id, a]));
  let recorded = 0;
  for (const m of candidates) {
    const agency = agencies.get(m.handling_agency_id);
    const urgency = urgencyOf(
      await messageCalendar(ctx, agency?.calendarRegion ?? null),
      {
        dueOn: m.due_on,
        criticalAfter: m.critical_after,
      },
      today,
    );
    if (urgency === 'on_time' || urgencyLevel[urgency] <= m.reminder_level) continue;
    await ctx.db.transaction().execute(async (tx) => {
      if (!(await messagesStore.raiseReminderLevel(tx, m.id, urgencyLevel[urgency]))) return;
      await appendEvent(tx, {
        at: ctx.now(),
        actor: systemActor('留言办理提醒'),
        agencyId: m.handling_agency_id,
        entityType: 'message',
        entityId: m.id,
        action: actionOf[urgency],
        data: { trackingCode: m.tracking_code, dueOn: m.due_on, today, level: urgencyLabel[urgency] },
      });
    });
    recorded++;
  }
  return recorded;
}
