/**
 * The critical alarm on every dashboard, the admin home included: any message open for more than 3 months
 * fails a national website inspection (portal-standards §7 V4). Shown to whoever handles, edits for or
 * supervises the agencies concerned.
 */
import { agenciesStore } from '../access/agencies.store.js';
import { scopeOf } from '../access/permissions.js';
import { legalToday } from '../calendar/legal-day.js';
import type { CurrentUser } from '../access/auth/current-user.js';
import type { AppContext } from '../platform/context.js';
import { criticalCount } from './dashboard.store.js';

export async function criticalMessageWarnings(
  ctx: AppContext,
  user: CurrentUser,
): Promise<{ text: string; href?: string }[]> {
  const all = await agenciesStore.all(ctx.db);
  const dashboard = new Set([
    ...scopeOf(user.actor, 'reports.supervise', all),
    ...scopeOf(user.actor, 'reports.edit', all),
  ]);
  const ids = new Set([...dashboard, ...scopeOf(user.actor, 'messages.handle', all)]);
  const n = await criticalCount(ctx.db, [...ids], legalToday(ctx));
  if (n === 0) return [];
  return [
    {
      text: `严重告警：${n} 条留言超过3个月未答复，政府网站检查中将单项否决，请立即督办。`,
      href: dashboard.size > 0 ? '/admin/supervision' : '/admin/messages?overdue=1',
    },
  ];
}
