/**
 * Every scheduled job of the platform, listed in the composition root so the scheduler (platform/jobs.ts)
 * knows no capability. Capabilities add theirs (reminders, overdue sweeps) here; main.ts passes the list.
 */
import { sessionsStore } from '../access/auth/sessions.store.js';
import type { Job } from '../platform/jobs.js';
import { sendReportReminders } from '../annual-reports/send-reminders.job.js';
import { sendMessageReminders } from '../interaction/send-reminders.job.js';
import { sendRequestReminders } from '../requests/reminders/reminders.job.js';
import { refreshOpenClocks } from '../requests/refresh-clocks.job.js';
import { sweepRegistry } from '../catalog/registry/registry-sweep.job.js';
import { endNoticePeriods } from '../catalog/items/notice-periods.job.js';

export const jobs: Job[] = [
  {
    name: 'sessions.sweep',
    intervalMs: 15 * 60_000,
    run: async (ctx) => {
      await sessionsStore.removeExpired(ctx.db, ctx.now().toISOString());
    },
  },
  {
    name: 'annual_reports.reminders',
    intervalMs: 6 * 3600_000,
    run: (ctx) => sendReportReminders(ctx).then(() => undefined),
  },
  {
    name: 'messages.remind',
    intervalMs: 60 * 60_000,
    run: async (ctx) => void (await sendMessageReminders(ctx)),
  },
  {
    // Time alone changes a clock (a consultation reaching its bound): refreshed before the reminders read it.
    name: 'requests.clocks',
    intervalMs: 60 * 60_000,
    run: async (ctx) => void (await refreshOpenClocks(ctx)),
  },
  {
    name: 'requests.reminders',
    intervalMs: 60 * 60_000,
    run: async (ctx) => void (await sendRequestReminders(ctx)),
  },
  {
    name: 'catalog.registry_daily',
    intervalMs: 24 * 3600_000,
    run: async (ctx) => void (await sweepRegistry(ctx)),
  },
  {
    name: 'catalog.notice_periods',
    intervalMs: 60 * 60_000,
    run: async (ctx) => void (await endNoticePeriods(ctx)),
  },
];
