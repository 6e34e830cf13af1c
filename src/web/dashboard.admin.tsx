/** The admin shell: login, logout, the dashboard and the audit log. */
import type { FastifyInstance } from 'fastify';
import type { Agency } from '../access/agency.js';
import { login } from '../access/auth/login.js';
import { logout } from '../access/auth/current-user.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { listEvents, type AuditEvent } from '../platform/events.js';
import { SESSION_COOKIE } from './app.js';
import { agenciesInScope, collectAdminWarnings, requireUser, sendAdminPage } from './admin-kit.js';
import { CsrfField, ErrorSummary, TextField, type Errors } from './views/forms.js';
import { sameSitePath } from './safe-redirect.js';

function LoginForm(props: {
  csrf: string;
  username?: string;
  errors?: Errors;
  message?: string;
  next?: string;
}) {
  return (
    <>
      <h1>登录管理后台</h1>
      <ErrorSummary errors={props.errors ?? {}} message={props.message} />
      <form method="post" action="/admin/login" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="next" value={props.next ?? '/admin/'} />
        <TextField
          name="username"
          label="用户名"
          value={props.username}
          errors={props.errors}
          autocomplete="username"
        />
        <TextField
          name="password"
          label="密码"
          type="password"
          errors={props.errors}
          autocomplete="current-password"
        />
        <button type="submit">登录</button>
      </form>
    </>
  );
}

/** After signing in: a page of the admin on this site (sameSitePath), else the dashboard. */
const safeNext = (next: unknown) => {
  const path = sameSitePath(next, '/admin/');
  return path === '/admin' || path.startsWith('/admin/') || path.startsWith('/admin?') ? path : '/admin/';
};

/** The dashboard: the capabilities' warnings, then the agencies the user works for. */
function Workbench(props: {
  label: string;
  warnings: { text: string; href?: string }[];
  agencies: Agency[];
}) {
  return (
    <>
      <h1>工作台</h1>
      {props.warnings.map((w) => (
        <p class="warning">
          {w.text}
          {w.href && (
            <>
              {' '}
              <a href={w.href}>前往处理</a>
            </>
          )}
        </p>
      ))}
      <p>
        您好，{props.label}。您可以为以下 {props.agencies.length} 个机关办理业务：
      </p>
      <ul>
        {props.agencies.map((a) => (
          <li>
            <a href={`/admin/agencies/${a.id}`}>{a.name}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

const EVENTS_PER_PAGE = 50;

type EventQuery = { agency?: string; entity?: string; action?: string; before?: string };

/** One page of the audit log (newest first), filtered by agency and action, with a link to older records. */
function EventLog({ q, agencies, events }: { q: EventQuery; agencies: Agency[]; events: AuditEvent[] }) {
  const name = new Map(agencies.map((a) => [a.id, a.shortName]));
  const last = events.at(-1);
  return (
    <>
      <h1>操作日志</h1>
      <form method="get" action="/admin/events" class="filters">
        <label for="f-agency">机关</label>
        <select id="f-agency" name="agency">
          <option value="">全部</option>
          {agencies.map((a) => (
            <option value={a.id} selected={a.id === q.agency}>
              {a.name}
            </option>
          ))}
        </select>
        <label for="f-action">操作</label>
        <input id="f-action" name="action" type="text" value={q.action ?? ''} />
        <button type="submit">筛选</button>
      </form>
      <table>
        <caption>最近的操作（新的在前）</caption>
        <thead>
          <tr>
            <th scope="col">时间（UTC）</th>
            <th scope="col">操作人</th>
            <th scope="col">机关</th>
            <th scope="col">对象</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr>
              <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{e.actorLabel}</td>
              <td>{e.agencyId ? (name.get(e.agencyId) ?? '') : ''}</td>
              <td>
                {e.entityType} {e.entityId.slice(0, 8)}
              </td>
              <td>{e.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {last && events.length === EVENTS_PER_PAGE && (
        <p>
          <a href={`/admin/events?before=${last.id}${q.agency ? `&agency=${q.agency}` : ''}`}>更早的记录</a>
        </p>
      )}
    </>
  );
}

export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { next?: string } }>('/admin/login', async (request, reply) =>
    sendAdminPage(
      reply,
      request,
      '登录',
      <LoginForm csrf={request.csrfToken} next={safeNext(request.query.next)} />,
    ),
  );

  app.post<{ Body: { username?: string; password?: string; next?: string } }>(
    '/admin/login',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = request.body ?? {};
      try {
        const { token } = await login(ctx, { username: body.username ?? '', password: body.password ?? '' });
        void reply.setCookie(SESSION_COOKIE, token, {
          path: '/admin',
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.auth.cookieSecure,
        });
        return reply.redirect(safeNext(body.next), 303);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const status = e.code === 'validation.failed' ? 422 : e.code === 'auth.locked' ? 423 : 401;
        return sendAdminPage(
          reply,
          request,
          '登录',
          <LoginForm
            csrf={request.csrfToken}
            username={body.username}
            errors={e.fields}
            message={e.message}
            next={safeNext(body.next)}
          />,
          status,
        );
      }
    },
  );

  app.post('/admin/logout', async (request, reply) => {
    const user = requireUser(request);
    await logout(ctx, user.sessionId);
    void reply.clearCookie(SESSION_COOKIE, { path: '/admin' });
    return reply.redirect('/admin/login', 303);
  });

  app.get('/admin/', async (request, reply) => {
    const user = requireUser(request);
    const agencies = await agenciesInScope(ctx, user, 'agency.read');
    const warnings = await collectAdminWarnings(ctx, request, user);
    return sendAdminPage(
      reply,
      request,
      '工作台',
      <Workbench label={user.actor.label} warnings={warnings} agencies={agencies} />,
    );
  });

  app.get<{ Querystring: EventQuery }>('/admin/events', async (request, reply) => {
    const user = requireUser(request);
    const agencies = await agenciesInScope(ctx, user, 'events.read');
    const q = request.query;
    const ids = q.agency
      ? agencies.filter((a) => a.id === q.agency).map((a) => a.id)
      : agencies.map((a) => a.id);
    const events = await listEvents(ctx.db, {
      agencyIds: ids,
      entityType: q.entity || undefined,
      action: q.action || undefined,
      beforeId: q.before ? Number(q.before) || undefined : undefined,
      limit: EVENTS_PER_PAGE,
    });
    return sendAdminPage(reply, request, '操作日志', <EventLog q={q} agencies={agencies} events={events} />);
  });
}
