/**
 * The admin's own reminders, shown at the top of the dashboard whether or not e-mail is configured: how many
 * open cases in the user's scope are overdue or due within 5 working days, linked to those queues.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { scopeOf } from '../../access/permissions.js';
import { dayNumber, isoDateOf } from '../../calendar/dates.js';
import type { CurrentUser } from '../../access/auth/current-user.js';
import type { AppContext } from '../../platform/context.js';
import { todayOf } from '../actions/case-action.js';
import { calendarFor } from '../calendar-for.js';
import { requestsStore } from '../requests.store.js';

export async function requestReminderWarnings(
  ctx: AppContext,
  user: CurrentUser,
): Promise<{ text: string; href?: string }[]> {
  const ids = [...scopeOf(user.actor, 'requests.handle', await agenciesStore.all(ctx.db))];
  if (ids.length === 0) return [];
  const today = todayOf(ctx);
  const soon = isoDateOf((await calendarFor(ctx, { calendarRegion: null })).addN(dayNumber(today), 5));
  const r = await requestsStore.dueCounts(ctx.db, ids, today, soon);
  const out: { text: string; href?: string }[] = [];
  const overdue = Number(r?.overdue ?? 0);
  const dueSoon = Number(r?.soon ?? 0);
  if (overdue)
    out.push({
      text: `有 ${overdue} 件政府信息公开申请已超过答复期限`,
      href: '/admin/requests?queue=overdue',
    });
  if (dueSoon)
    out.push({
      text: `有 ${dueSoon} 件政府信息公开申请将在 5 个工作日内到期`,
      href: '/admin/requests?queue=due_soon',
    });
  return out;
}
