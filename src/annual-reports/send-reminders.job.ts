/**
 * Scheduled use case: record the deadline reminders due today for every agency's report of last year (the
 * reports due this year). A reminder is an event (`annual_report.reminder`) shown on the report's admin page;
 * the platform has no mail channel yet.
 */
import { agenciesStore } from '../access/agencies.store.js';
import { systemActor } from '../platform/actor.js';
import { legalToday } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import { appendEvent, listEvents } from '../platform/events.js';
import { annualReportsStore } from './annual-reports.store.js';
import { reportDueOn } from '../reports/deadline.js';
import { reminderDue, type ReminderKind } from './reminders.js';

export async function sendReportReminders(ctx: AppContext): Promise<number> {
  const today = legalToday(ctx);
  const year = Number(today.slice(0, 4)) - 1;
  const agencies = await agenciesStore.all(ctx.db);
  const records = new Map(
    (
      await annualReportsStore.forAgencies(
        ctx.db,
        agencies.map((a) => a.id),
        year,
      )
    ).map((r) => [r.agencyId, r]),
  );
  let sent = 0;
  for (const a of agencies) {
    const dueOn = reportDueOn(a.level, year);
    const published = (records.get(a.id)?.publishedVersions ?? 0) > 0;
    if (published) continue;
    const previous = await listEvents(ctx.db, {
      agencyIds: [a.id],
      entityType: 'annual_report',
      entityId: `${a.id}/${year}`,
      action: 'annual_report.reminder',
    });
    const kind = reminderDue(
      dueOn,
      today,
      published,
      previous.map((e) => e.data.kind as ReminderKind),
    );
    if (!kind) continue;
    await appendEvent(ctx.db, {
      at: ctx.now(),
      actor: systemActor('年报期限提醒'),
      agencyId: a.id,
      entityType: 'annual_report',
      entityId: `${a.id}/${year}`,
      action: 'annual_report.reminder',
      data: { year, kind, dueOn },
    });
    sent++;
  }
  return sent;
}
