/** Shared pieces of admin pages: the guard, the user's scope, the shell with its navigation. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { agenciesStore } from '../agencies/agencies.store.js';
import type { Agency } from '../agencies/agency.js';
import { roleAllows as roleCan, scopeOf, type Action } from '../agencies/permissions.js';
import type { CurrentUser } from '../agencies/auth/current-user.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { mayManageCalendar } from '../calendar/save-arrangement.js';
import { missingYearWarnings } from '../calendar/year-status.js';
import { requestReminderWarnings } from '../requests/reminders.warnings.js';
import { criticalMessageWarnings } from '../supervision/critical-alarm.js';
import { sendPage } from './render.js';
import { AdminShell, type PortalNavItem } from './views/layout.js';

export function requireUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new DomainError('auth.required', '请先登录。');
  return request.user;
}

/** The agencies the signed-in user may perform `action` for, in tree order. */
export async function agenciesInScope(ctx: AppContext, user: CurrentUser, action: Action): Promise<Agency[]> {
  const all = await agenciesStore.all(ctx.db);
  const scope = scopeOf(user.actor, action, all);
  return all.filter((a) => scope.has(a.id));
}

/** Admin navigation entries; capabilities add theirs here, each shown only to users who may use it. */
/** Admin navigation: an entry shows when any of the user's roles allows any of its actions. */
export const adminNav: { href: string; label: string; action: Action | Action[] }[] = [
  { href: '/admin/agencies', label: '机关信息', action: 'agency.read' },
  { href: '/admin/users', label: '账号管理', action: 'users.manage' },
  { href: '/admin/events', label: '操作日志', action: 'events.read' },
  { href: '/admin/requests', label: '依申请公开', action: 'requests.handle' },
  {
    href: '/admin/requests/overview',
    label: '依申请公开办理情况',
    action: ['requests.handle', 'reports.supervise'],
  },
  { href: '/admin/calendar', label: '工作日历', action: 'calendar.manage' },
  { href: '/admin/reports', label: '年度报告', action: ['reports.edit', 'reports.supervise'] },
  { href: '/admin/audit', label: '年报审查', action: 'reports.supervise' },
  { href: '/admin/annual-reports', label: '年报编写与报送', action: 'reports.edit' },
  { href: '/admin/annual-reports?review=1', label: '年报审核', action: 'reports.supervise' },
  { href: '/admin/messages', label: '留言办理', action: 'messages.handle' },
  { href: '/admin/ratings', label: '社会评议', action: 'reports.supervise' },
  { href: '/admin/consultations', label: '征集调查', action: 'messages.handle' },
  { href: '/admin/open-ratings', label: '公众评价', action: ['messages.handle', 'reports.supervise'] },
  { href: '/admin/supervision', label: '监督保障', action: ['reports.supervise', 'reports.edit'] },
  { href: '/admin/supervision/scorecard', label: '考核评分', action: 'reports.supervise' },
  { href: '/admin/accountability', label: '考核与整改', action: 'reports.edit' },
  { href: '/admin/catalog', label: '主动公开', action: 'catalog.edit' },
  { href: '/admin/search', label: '全文检索', action: 'catalog.edit' },
];

/** Warnings at the top of the dashboard; capabilities add a provider (one line each). */
export const adminWarnings: Array<
  (ctx: AppContext, user: CurrentUser) => Promise<{ text: string; href?: string }[]>
> = [
  async (ctx, user) =>
    (await missingYearWarnings(ctx)).map((text) => ({
      text,
      ...(mayManageCalendar(user.actor) ? { href: '/admin/calendar' } : {}),
    })),
  requestReminderWarnings,
  criticalMessageWarnings,
];

export async function collectAdminWarnings(ctx: AppContext, user: CurrentUser) {
  return (await Promise.all(adminWarnings.map((w) => w(ctx, user)))).flat();
}

export function sendAdminPage(
  reply: FastifyReply,
  request: FastifyRequest,
  title: string,
  body: ComponentChildren,
  status = 200,
) {
  const user = request.user;
  const nav: PortalNavItem[] = user
    ? adminNav
        .filter((n) =>
          user.actor.grants.some(
            (g) => g.role === 'platform_admin' || [n.action].flat().some((a) => roleCan(g.role, a)),
          ),
        )
        .map((n) => ({ ...n, current: request.url.startsWith(n.href) }))
    : [];
  return sendPage(
    reply,
    <AdminShell
      title={title}
      elderMode={request.elderMode}
      path={request.url}
      userLabel={user?.actor.label}
      csrfToken={request.csrfToken}
      nav={[{ href: '/admin/', label: '工作台', current: request.url === '/admin/' }, ...nav]}
    >
      {body}
    </AdminShell>,
    status,
  );
}
