/**
 * Micro-cache for anonymous portal pages. Public pages are read far more often than anything changes, and a
 * page costs several queries plus rendering; for a few seconds the same bytes serve every visitor.
 *
 * A hit is answered in the first onRequest hook, before cookies are parsed, security headers are added or a CSRF/session hook
 * does any work: it replays the status, headers (security headers included) and bytes stored from the miss, so
 * a hit and a miss differ only in `x-request-id` and `x-cache: hit`.
 *
 * Safe by construction:
 * - only GETs (and HEADs, for hits) without a session cookie, on portal page paths (home, 政府信息公开 columns
 *   and items, feeds); the elder-mode cookie keys the entry;
 * - never a response that read a CSRF token (a page with a form), set a cookie, or was not a 200;
 * - any successful state-changing request on this node clears the whole cache, so staff see their own change
 *   at once; it and every catalog use case (run by a job or the CLI too) also bump the database's content
 *   version (src/platform/content-version.ts), which every node polls each second and clears its cache on.
 *   The TTL (PUBLIC_CACHE_SECONDS; 0 turns the cache off) only bounds what changes with the date alone.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

/**
 * Bumped when published content changes in this process without an HTTP request (a use case called by a job,
 * the CLI or a test): entries stored before are no longer served.
 */
let contentEpoch = 0;
export const publicContentChanged = () => {
  contentEpoch++;
};
/** The current epoch: other short-lived portal caches (navigation, agency lookups) key their entries by it. */
export const publicContentEpoch = () => contentEpoch;

/**
 * A short-lived portal cache (lru-cache: `ttl` ms, at most `max` entries, least recently used go first) whose
 * entries also lapse when the public-content epoch moves. `set` takes the epoch read before the value was
 * loaded, so a change committed during the load is not hidden behind the entry.
 */
export function epochCache<V>(options: { ttl: number; max: number }) {
  const entries = new LRUCache<string, { epoch: number; value: V }>(options);
  return {
    get(key: string): { value: V } | undefined {
      const e = entries.get(key);
      if (e && e.epoch !== contentEpoch) entries.delete(key);
      return e && e.epoch === contentEpoch ? { value: e.value } : undefined;
    },
    set(key: string, value: V, epoch = contentEpoch) {
      entries.set(key, { epoch, value });
    },
    clear() {
      entries.clear();
    },
  };
}

interface Entry {
  epoch: number;
  expires: number;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

const cacheablePath = /^\/([a-z][a-z0-9-]{1,39}\/(xxgk\/[^?]*)?(feed\.atom|sitemap\.xml)?)?(\?.*)?$/;
const maxBodyBytes = 512 * 1024;

/**
 * Pages held per node, bounded by their bytes (a page is 3–10 KB, so the default holds ten thousand or more:
 * a county's recent items and every column's first pages); past the budget the least recently used go first
 * (lru-cache, maxSize by body bytes). Freshness is the entry's own: `expires` on the clock the caller passes,
 * and the content epoch.
 */
export class PublicPageCache {
  private readonly entries: LRUCache<string, Entry>;
  constructor(
    private readonly ttlMs: number,
    maxBytes = 64 * 1024 * 1024,
  ) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      // An empty body still takes a slot's worth of bookkeeping; lru-cache wants sizes of at least 1.
      sizeCalculation: (e) => Math.max(e.body.length, 1),
    });
  }

  get enabled() {
    return this.ttlMs > 0;
  }

  get size() {
    return this.entries.size;
  }

  clear() {
    this.entries.clear();
  }

  get(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    const fresh = e && e.expires > now && e.epoch === contentEpoch;
    if (e && !fresh) this.entries.delete(key);
    return fresh ? e : undefined;
  }

  set(key: string, entry: Omit<Entry, 'expires' | 'epoch'>, now: number) {
    this.entries.set(key, { ...entry, epoch: contentEpoch, expires: now + this.ttlMs });
  }
}

/** Per-response headers that a replay must not copy: the transport's own and this request's id. */
const notReplayed = new Set([
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'set-cookie',
  'x-request-id',
  'x-cache',
]);

/** A matcher for the first value of a cookie in a raw Cookie header (what @fastify/cookie would parse). */
function rawCookieReader(name: string): (header: string | undefined) => string | undefined {
  const re = new RegExp(`(?:^|;)\\s*${name}=([^;]*)`);
  return (header) => (header ? re.exec(header)?.[1]?.trim() : undefined);
}

interface PublicCacheCookies {
  session: string;
  elder: { name: string; value: string };
}

/** Signing in or out changes nothing the public sees; any other successful state-changing request may have. */
const changesContent = (request: FastifyRequest, statusCode: number) =>
  request.method !== 'GET' &&
  request.method !== 'HEAD' &&
  statusCode < 400 &&
  !/^\/admin\/log(in|out)(\?|$)/.test(request.url);

/**
 * On every app, whatever its surfaces (an admin-only app shares the process with the portal in the split-port
 * setup): after a successful state-changing request, bump this process's epoch so its portal caches reload, and
 * announce the change through the database so every other node's do too.
 */
export function announceStateChanges(app: FastifyInstance, announce: () => Promise<unknown>): void {
  // Before the response goes: once staff see "saved", every node is already told.
  app.addHook('onSend', async (request, reply, payload) => {
    if (changesContent(request, reply.statusCode)) {
      publicContentChanged();
      await announce();
    }
    return payload;
  });
}

/**
 * Registers the cache on `app`. Call it before any plugin that adds onRequest hooks (cookie, security headers) so a hit
 * skips them: hooks run in the order they were added.
 */
export function registerPublicCache(
  app: FastifyInstance,
  cache: PublicPageCache,
  csrfWasRead: (request: FastifyRequest) => boolean,
  cookies: PublicCacheCookies,
): void {
  // A successful state-changing request has moved the epoch (announceStateChanges), so no entry is served
  // again; drop them now rather than when each is next asked for.
  app.addHook('onResponse', async (request, reply) => {
    if (changesContent(request, reply.statusCode)) cache.clear();
  });
  if (!cache.enabled) return;
  // Read from the raw header: the cookie plugin has not run yet when a hit is served.
  const session = rawCookieReader(cookies.session);
  const elder = rawCookieReader(cookies.elder.name);
  const keyOf = (request: FastifyRequest) =>
    `${elder(request.headers.cookie) === cookies.elder.value ? 'E' : 'N'}${request.url}`;
  const anonymousPage = (request: FastifyRequest) =>
    !request.url.startsWith('/admin') && cacheablePath.test(request.url) && !session(request.headers.cookie);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !anonymousPage(request)) return;
    const hit = cache.get(keyOf(request), Date.now());
    if (!hit) return;
    void reply.headers(hit.headers).header('x-cache', 'hit').status(hit.status).send(hit.body);
    return reply;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || !anonymousPage(request) || reply.getHeader('x-cache') === 'hit')
      return payload;
    if (reply.statusCode !== 200 || typeof payload !== 'string' || payload.length > maxBodyBytes)
      return payload;
    if (csrfWasRead(request) || reply.getHeader('set-cookie')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/^(text\/html|application\/(atom\+)?xml)/.test(type)) return payload;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined && !notReplayed.has(name.toLowerCase())) headers[name] = value;
    cache.set(keyOf(request), { status: 200, headers, body: Buffer.from(payload) }, Date.now());
    return payload;
  });
}
