/** Shared pieces of admin pages: the guard, the user's scope, the shell with its navigation. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { agenciesStore } from '../agencies/agencies.store.js';
import type { Agency } from '../agencies/agency.js';
import { roleAllows as roleCan, scopeOf, type Action } from '../agencies/permissions.js';
import type { CurrentUser } from '../platform/auth/current-user.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
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
export const adminNav: { href: string; label: string; action: Action }[] = [
  { href: '/admin/agencies', label: '机关信息', action: 'agency.read' },
  { href: '/admin/events', label: '操作日志', action: 'events.read' },
  { href: '/admin/catalog', label: '主动公开', action: 'catalog.edit' },
  { href: '/admin/search', label: '全文检索', action: 'catalog.edit' },
];

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
          user.actor.grants.some((g) => g.role === 'platform_admin' || roleCan(g.role, n.action)),
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
