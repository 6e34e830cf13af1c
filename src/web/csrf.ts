/**
 * CSRF protection for every state-changing form. Signed-in users carry the token stored with their session;
 * anonymous visitors (public forms) get a double-submit cookie. A request whose `_csrf` field (or
 * `x-csrf-token` header) does not match is refused before any handler runs, so nothing changes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { newToken } from '../access/auth/sessions.store.js';
import { DomainError } from '../platform/errors.js';

const ANON_CSRF_COOKIE = 'gk_csrf';

const issued = Symbol('csrfIssued');
const replyOf = Symbol('csrfReply');
const read = Symbol('csrfRead');
type CsrfRequest = FastifyRequest & {
  [issued]?: string;
  [read]?: boolean;
  [replyOf]?: { reply: FastifyReply; secure: boolean };
};

/** Called for every request: remembers the reply so a token can be issued only if a page asks for one. */
export function prepareCsrf(request: FastifyRequest, reply: FastifyReply, secure: boolean): void {
  (request as CsrfRequest)[replyOf] = { reply, secure };
}

/**
 * The token for this request's forms: the session's for a signed-in user, else the anonymous cookie's. A new
 * anonymous token (and its cookie) is made lazily, so pages without forms cost nothing and set no cookie.
 */
export function csrfTokenOf(request: FastifyRequest): string {
  (request as CsrfRequest)[read] = true;
  if (request.user) return request.user.csrfToken;
  const existing = request.cookies[ANON_CSRF_COOKIE];
  if (existing && existing.length >= 32) return existing;
  const r = request as CsrfRequest;
  if (!r[issued]) {
    r[issued] = newToken();
    const target = r[replyOf];
    if (target) {
      void target.reply.setCookie(ANON_CSRF_COOKIE, r[issued], {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: target.secure,
      });
    }
  }
  return r[issued];
}

// Compared as bytes: two strings of one length can differ in UTF-8 length (a cookie of non-ASCII text), and
// timingSafeEqual throws on buffers of different lengths.
const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function checkCsrf(request: FastifyRequest): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
  const body = request.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !request.csrfToken || !same(sent, request.csrfToken)) {
    throw new DomainError('auth.csrf', '页面已过期或来源无法验证，请刷新页面后重新提交。');
  }
}

/** True when this request's page embedded a CSRF token (a page with a form), so it must not be shared. */
export const csrfWasRead = (request: FastifyRequest): boolean => (request as CsrfRequest)[read] === true;
