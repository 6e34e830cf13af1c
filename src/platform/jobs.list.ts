/** Every scheduled job of the platform. Capabilities add theirs (reminders, overdue sweeps) here. */
import { sessionsStore } from './auth/sessions.store.js';
import type { Job } from './jobs.js';
import { sendMessageReminders } from '../interaction/send-reminders.js';

export const jobs: Job[] = [
  {
    name: 'sessions.sweep',
    intervalMs: 15 * 60_000,
    run: async (ctx) => {
      await sessionsStore.removeExpired(ctx.db, ctx.now().toISOString());
    },
  },
  {
    name: 'messages.remind',
    intervalMs: 60 * 60_000,
    run: async (ctx) => void (await sendMessageReminders(ctx)),
  },
];
