/**
 * Due-date recomputer for disclosure requests (listed in src/app/recomputers.ts): when a holiday
 * arrangement is saved, every open case received on or before the last changed day, of an agency the change
 * applies to, is recomputed from its events with the new calendar; a changed due date is stored with a case
 * event and an audit event. Idempotent: a second run finds nothing to change.
 */
import { agenciesStore } from '../access/agencies.store.js';
import { systemActor } from '../platform/actor.js';
import { provinceOf } from '../calendar/arrangement.js';
import type { ArrangementChange } from '../calendar/recompute.js';
import type { AppContext } from '../platform/context.js';
import { appendEvent } from '../platform/events.js';
import { calendarFor } from './calendar-for.js';
import { todayOf } from './actions/case-action.js';
import { caseClock } from './case-clock.js';
import { requestsStore } from './requests.store.js';

export async function recomputeRequestDueDates(ctx: AppContext, change: ArrangementChange): Promise<number> {
  const last = change.days[change.days.length - 1];
  if (!last) return 0;
  const agencies = (await agenciesStore.all(ctx.db)).filter(
    (a) => change.region === null || (a.calendarRegion && provinceOf(a.calendarRegion) === change.region),
  );
  const actor = systemActor('工作日历调整');
  const today = todayOf(ctx);
  let changed = 0;
  for (const agency of agencies) {
    const cal = await calendarFor(ctx, agency);
    for (const row of await requestsStore.openReceivedBy(ctx.db, agency.id, last)) {
      const events = await requestsStore.events(ctx.db, row.id);
      const clock = caseClock(cal, events, today);
      const paused = clock.paused ? 1 : 0;
      if (clock.dueDate === row.due_date && paused === row.paused) continue;
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (tx) => {
        await requestsStore.setDueDate(tx, row.id, clock.dueDate, paused, at);
        await requestsStore.insertEvent(tx, row.id, {
          at,
          day: today,
          type: 'due_date_recomputed',
          data: { from: row.due_date, to: clock.dueDate, year: change.year, region: change.region },
          actorLabel: actor.label,
        });
        await appendEvent(tx, {
          at: ctx.now(),
          actor,
          agencyId: agency.id,
          entityType: 'request',
          entityId: row.id,
          action: 'request.due_date_recomputed',
          data: { from: row.due_date, to: clock.dueDate },
        });
      });
      changed++;
    }
  }
  return changed;
}
