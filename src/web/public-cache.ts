/**
 * Micro-cache for anonymous portal pages. Public pages are read far more often than anything changes, and a
 * page costs several queries plus rendering; for a few seconds the same bytes serve every visitor.
 *
 * Safe by construction:
 * - only GETs without a session, on portal page paths (home, 政府信息公开 columns and items, feeds);
 * - never a response that read a CSRF token (a page with a form), set a cookie, or was not a 200;
 * - any successful state-changing request on this node clears the whole cache, so staff see their own change
 *   at once; other nodes see it within the TTL (PUBLIC_CACHE_SECONDS; 0 turns the cache off).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Bumped when published content changes in this process without an HTTP request (a use case called by a job,
 * the CLI or a test): entries stored before are no longer served.
 */
let contentEpoch = 0;
export const publicContentChanged = () => {
  contentEpoch++;
};

interface Entry {
  epoch: number;
  expires: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}

const cacheablePath = /^\/([a-z][a-z0-9-]{1,39}\/(xxgk\/[^?]*)?(feed\.atom|sitemap\.xml)?)?(\?.*)?$/;
const maxEntries = 5000;
const maxBodyBytes = 512 * 1024;

export class PublicPageCache {
  private entries = new Map<string, Entry>();
  constructor(private readonly ttlMs: number) {}

  get enabled() {
    return this.ttlMs > 0;
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
    if (this.entries.size >= maxEntries) this.entries.clear();
    this.entries.set(key, { ...entry, epoch: contentEpoch, expires: now + this.ttlMs });
  }
}

const keyOf = (request: FastifyRequest) => `${request.elderMode ? 'E' : 'N'}${request.url}`;

export function registerPublicCache(
  app: FastifyInstance,
  cache: PublicPageCache,
  csrfWasRead: (request: FastifyRequest) => boolean,
): void {
  if (!cache.enabled) return;
  const candidate = (request: FastifyRequest) =>
    request.method === 'GET' && !request.url.startsWith('/admin') && cacheablePath.test(request.url);

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!candidate(request)) return;
    const hit = cache.get(keyOf(request), Date.now());
    if (!hit) return;
    void reply.headers({ ...hit.headers, 'x-cache': 'hit' });
    return reply.status(hit.status).send(hit.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!candidate(request) || reply.getHeader('x-cache') === 'hit') return payload;
    if (reply.statusCode !== 200 || typeof payload !== 'string' || payload.length > maxBodyBytes)
      return payload;
    if (csrfWasRead(request) || reply.getHeader('set-cookie')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/^(text\/html|application\/(atom\+)?xml)/.test(type)) return payload;
    cache.set(keyOf(request), { status: 200, headers: { 'content-type': type }, body: payload }, Date.now());
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) cache.clear();
  });
}
