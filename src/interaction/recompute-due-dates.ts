/**
 * When a holiday arrangement is added or corrected, the stored due dates of open messages that it touches are
 * recomputed (calendar/recompute.ts), each change recorded as an event. The promise itself (days, receipt day)
 * never changes: only the days it is counted over.
 */
import { agenciesStore } from '../access/agencies.store.js';
import { systemActor } from '../platform/actor.js';
import { provinceOf } from '../calendar/arrangement.js';
import { addCalendarDays } from '../calendar/dates.js';
import type { ArrangementChange, DueDateRecomputer } from '../calendar/recompute.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { AppContext } from '../platform/context.js';
import { appendEvent } from '../platform/events.js';
import { messageCalendar } from './message-calendar.js';
import { messagesStore } from './messages.store.js';
import { promiseDates } from './promise.js';

export function messageDueDateRecomputer(
  ctx: AppContext,
  calendarFor: (region: string | null) => WorkCalendar | Promise<WorkCalendar> = (region) =>
    messageCalendar(ctx, region),
): DueDateRecomputer {
  return async (change: ArrangementChange) => {
    if (change.days.length === 0) return 0;
    const first = change.days[0]!;
    const last = change.days[change.days.length - 1]!;
    // A promise of at most 60 working days never spans more than ~100 calendar days.
    const open = await messagesStore.openReceivedBetween(ctx.db, addCalendarDays(first, -120), last);
    const agencies = new Map((await agenciesStore.all(ctx.db)).map((a) => [a.id, a]));
    let changed = 0;
    for (const m of open) {
      const region = agencies.get(m.handling_agency_id)?.calendarRegion ?? null;
      if (change.region !== null && (region === null || provinceOf(region) !== change.region)) continue;
      const dates = promiseDates(await calendarFor(region), m.received_at, m.promise_days);
      if (dates.dueOn === m.due_on && Number(dates.provisional) === m.provisional) continue;
      await ctx.db.transaction().execute(async (tx) => {
        await messagesStore.update(tx, m.id, { due_on: dates.dueOn, provisional: dates.provisional ? 1 : 0 });
        await appendEvent(tx, {
          at: ctx.now(),
          actor: systemActor('节假日安排更新'),
          agencyId: m.handling_agency_id,
          entityType: 'message',
          entityId: m.id,
          action: 'message.due_date_recomputed',
          data: { from: m.due_on, to: dates.dueOn, year: change.year },
        });
      });
      changed++;
    }
    return changed;
  };
}

/** The recomputer in the platform's list (src/app/recomputers.ts). */
export const recomputeMessageDueDates = (ctx: AppContext, change: ArrangementChange): Promise<number> =>
  messageDueDateRecomputer(ctx)(change);
