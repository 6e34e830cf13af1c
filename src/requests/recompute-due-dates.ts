/**
 * Keeps the stored clock of open cases true to their events:
 * - when a holiday arrangement is saved (listed in src/app/recomputers.ts), every open case received on or
 *   before the last changed day, of an agency the change applies to, is recomputed with the new calendar;
 * - every hour (refresh-clocks.job.ts), every open case, because time alone changes a clock: a
 *   consultation nobody answers reaches its bound, and the pause ends (clock-steps.ts).
 * A changed due date is stored with a case event and an audit event; a changed pause or finding is just stored.
 * Idempotent: a second run finds nothing to change.
 */
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import { systemActor } from '../platform/actor.js';
import { provinceOf } from '../calendar/arrangement.js';
import type { ArrangementChange } from '../calendar/recompute.js';
import type { AppContext } from '../platform/context.js';
import { appendEvent } from '../platform/events.js';
import { calendarFor } from './calendar-for.js';
import { todayOf } from './actions/case-action.js';
import { caseClock } from './case-clock.js';
import { requestsStore } from './requests.store.js';

/** Re-evaluates the open cases of one agency received by `receivedBy`; the number whose due date moved. */
export async function refreshAgency(
  ctx: AppContext,
  agency: Agency,
  receivedBy: string,
  why: string,
  data: Record<string, unknown>,
): Promise<number> {
  const actor = systemActor(why);
  const today = todayOf(ctx);
  const cal = await calendarFor(ctx, agency);
  let changed = 0;
  for (const row of await requestsStore.openReceivedBy(ctx.db, agency.id, receivedBy)) {
    const events = await requestsStore.events(ctx.db, row.id);
    const clock = caseClock(cal, events, today, agency.deliveryMarginDays);
    const stored = {
      dueDate: clock.dueDate,
      paused: clock.paused ? 1 : 0,
      findings: JSON.stringify(clock.findings),
    };
    const dueMoved = stored.dueDate !== row.due_date;
    if (!dueMoved && stored.paused === row.paused && stored.findings === row.clock_findings) continue;
    const at = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (tx) => {
      await requestsStore.setClock(tx, row.id, stored, at);
      if (!dueMoved) return;
      await requestsStore.insertEvent(tx, row.id, {
        at,
        day: today,
        type: 'due_date_recomputed',
        data: { from: row.due_date, to: clock.dueDate, ...data },
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
    if (dueMoved) changed++;
  }
  return changed;
}

export async function recomputeRequestDueDates(ctx: AppContext, change: ArrangementChange): Promise<number> {
  const last = change.days[change.days.length - 1];
  if (!last) return 0;
  const agencies = (await agenciesStore.all(ctx.db)).filter(
    (a) => change.region === null || (a.calendarRegion && provinceOf(a.calendarRegion) === change.region),
  );
  let changed = 0;
  for (const agency of agencies) {
    changed += await refreshAgency(ctx, agency, last, '工作日历调整', {
      year: change.year,
      region: change.region,
    });
  }
  return changed;
}
