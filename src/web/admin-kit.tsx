/** Shared pieces of admin pages: the guard, the user's scope, the shell with its navigation. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import { roleAllows as roleCan, scopeOf, type Action } from '../access/permissions.js';
import type { CurrentUser } from '../access/auth/current-user.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { sendPage } from './render.js';
import { webServicesOf } from './services.js';
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

/** The dashboard's warnings from every provider the services list, in order. */
export async function collectAdminWarnings(ctx: AppContext, request: FastifyRequest, user: CurrentUser) {
  const { warnings } = webServicesOf(request).admin;
  return (await Promise.all(warnings.map((w) => w(ctx, user)))).flat();
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
    ? webServicesOf(request)
        .admin.nav.filter((n) =>
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
