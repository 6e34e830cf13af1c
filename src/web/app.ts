/**
 * The Fastify app factory. It takes the services (routes and shell entries, from the composition root in
 * src/app/) and never listens itself, so tests use `app.inject`
 * without a port and the composition root decides where each surface is served.
 *   public — each agency's portal under its path segment, the JSON API under /api
 *   admin  — the staff back office under /admin (may be served on its own internal address and port)
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import qs from 'node:querystring';
import { currentUser } from '../access/auth/current-user.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { checkCsrf, csrfTokenOf, csrfWasRead, prepareCsrf } from './csrf.js';
import {
  PublicPageCache,
  announceStateChanges,
  publicContentChanged,
  registerPublicCache,
} from './public-cache.js';
import { announceContentChange, watchContentVersion } from '../platform/content-version.js';
import { registerSecurityHeaders } from './security-headers.js';
import { handleClientError, handleError, handleNotFound } from './error-handler.js';
import { registerExpensiveLimits } from './concurrency.js';
import { registerHealthRoutes } from './health.api.js';
import { registerPressure } from './pressure.js';
import type { Surface, WebServices } from './services.js';
import { sameSitePath } from './safe-redirect.js';
import './request-state.js';

export type { RouteModule, Surface, WebServices } from './services.js';

interface AppOptions {
  surfaces?: Surface[];
  logger?: boolean;
}

export const SESSION_COOKIE = 'gk_session';
const ELDER_COOKIE = 'gk_mode';

export async function buildApp(
  ctx: AppContext,
  services: WebServices,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const surfaces = options.surfaces ?? ['public', 'admin'];
  const logging = options.logger !== false && ctx.config.logLevel !== 'silent';
  const app = Fastify({
    logger: logging ? { level: ctx.config.logLevel } : false,
    // One line per request from the hook below instead of Fastify's two (docs/decisions/0011).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: trustedProxies(ctx.config.http.trustProxy),
    bodyLimit: 25 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Requests the router or Node's parser cannot read answer 4xx in Chinese (error-handler.tsx).
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply),
    clientErrorHandler: handleClientError,
  });

  // First of all onRequest hooks: a micro-cache hit is answered before any other hook runs.
  if (surfaces.includes('public')) {
    const pages = new PublicPageCache(ctx.config.publicCacheSeconds * 1000);
    registerPublicCache(app, pages, csrfWasRead, {
      session: SESSION_COOKIE,
      elder: { name: ELDER_COOKIE, value: 'elder' },
    });
    // A change made on another node, by the CLI or by a job shows here within a poll, not a cache TTL.
    const stopWatching = watchContentVersion(ctx.db, () => {
      pages.clear();
      publicContentChanged();
    });
    app.addHook('onClose', async () => stopWatching());
  }
  announceStateChanges(app, () => announceContentChange(ctx.db));
  // Right after the micro-cache: under pressure a request is refused before cookies, session or CSRF cost anything.
  await registerPressure(app, ctx.config.pressure);
  registerExpensiveLimits(app, ctx.config);
  if (logging) {
    // Successful page reads are logged at debug: at info, two lines per request cost about a third of a
    // cached page's CPU, and the reverse proxy's access log has them. Errors, 4xx/5xx, every state-changing
    // request and the whole back office stay at info.
    app.addHook('onResponse', async (request, reply) => {
      const read = request.method === 'GET' || request.method === 'HEAD';
      const level = read && reply.statusCode < 400 && !request.url.startsWith('/admin') ? 'debug' : 'info';
      request.log[level](
        { method: request.method, url: request.url, statusCode: reply.statusCode, ms: reply.elapsedTime },
        'request completed',
      );
    });
  }
  await app.register(cookie);
  // Parse repeated fields (checkbox groups) as arrays, like browsers send them.
  await app.register(formbody, { parser: (body) => qs.parse(body) });
  registerSecurityHeaders(app, { hsts: ctx.config.auth.cookieSecure });
  // Per-route limits only (login, public forms); pages themselves are not limited.
  // The key is the client address as TRUST_PROXY resolves it; a request whose socket closed before it was read has
  // none (request.ip undefined, which the default key generator throws on), and shares one key.
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => normalizeIP(request.ip ?? 'unknown'),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Gongkai 政府信息公开平台 API', version: '1' },
      servers: [{ url: ctx.config.publicBaseUrl }],
    },
  });
  await app.register(fastifyStatic, {
    root: fileURLToPath(new URL('./static', import.meta.url)),
    prefix: '/static/',
    maxAge: '1h',
  });

  app.decorate('webServices', services);
  app.decorateRequest('user', undefined);
  app.decorateRequest('elderMode', false);
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest) {
      return csrfTokenOf(this);
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    request.elderMode = request.cookies[ELDER_COOKIE] === 'elder';
    if (request.url.startsWith('/admin')) {
      request.user = await currentUser(ctx, request.cookies[SESSION_COOKIE]);
    }
    prepareCsrf(request, reply, ctx.config.auth.cookieSecure);
  });
  app.addHook('preHandler', async (request, reply) => {
    // Everything under /admin but the login page needs a signed-in user.
    if (
      surfaces.includes('admin') &&
      request.url.startsWith('/admin') &&
      !request.url.startsWith('/admin/login') &&
      !request.user
    ) {
      if (request.method === 'GET')
        return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`);
      throw new DomainError('auth.required', '登录已超时，请重新登录。');
    }
    if (!request.url.startsWith('/api/')) checkCsrf(request);
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/admin')) void reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  registerHealthRoutes(app, ctx);

  app.get<{ Params: { mode: string }; Querystring: { back?: string } }>(
    '/mode/:mode',
    async (request, reply) => {
      const elder = request.params.mode === 'elder';
      void reply.setCookie(ELDER_COOKIE, elder ? 'elder' : 'standard', {
        path: '/',
        maxAge: 365 * 24 * 3600,
        sameSite: 'lax',
        httpOnly: true,
        secure: ctx.config.auth.cookieSecure,
      });
      // Only same-site paths: never an open redirect.
      return reply.redirect(sameSitePath(request.query.back, '/'));
    },
  );

  for (const module of services.routes) {
    if (surfaces.includes(module.surface)) await app.register(async (scope) => module.register(scope, ctx));
  }
  if (surfaces.includes('public')) {
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  }
  return app;
}

/**
 * TRUST_PROXY for Fastify. A hop count becomes a function trusting that many hops from the socket: with `1`, the
 * client is the last X-Forwarded-For entry, the one the proxy appended, so whatever a client writes before it is
 * ignored. (Fastify itself reads a bare number as "trust nothing".) A list of addresses/CIDRs goes as it is.
 */
function trustedProxies(
  setting: false | number | string[],
): false | string[] | ((a: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  const hops = setting;
  return hops === 0 ? false : (_address, hop) => hop < hops;
}
