/**
 * CSRF protection for every state-changing form. Signed-in users carry the token stored with their session;
 * anonymous visitors (public forms) get a double-submit cookie. A request whose `_csrf` field (or
 * `x-csrf-token` header) does not match is refused before any handler runs, so nothing changes.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { newToken } from '../platform/auth/sessions.store.js';
import { DomainError } from '../platform/errors.js';

export const ANON_CSRF_COOKIE = 'gk_csrf';

export function assignCsrfToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): void {
  if (request.user) {
    request.csrfToken = request.user.csrfToken;
    return;
  }
  const existing = request.cookies[ANON_CSRF_COOKIE];
  if (existing && existing.length >= 32) {
    request.csrfToken = existing;
    return;
  }
  request.csrfToken = newToken();
  void reply.setCookie(ANON_CSRF_COOKIE, request.csrfToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function checkCsrf(request: FastifyRequest): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
  const body = request.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !request.csrfToken || !same(sent, request.csrfToken)) {
    throw new DomainError('auth.csrf', '页面已过期或来源无法验证，请刷新页面后重新提交。');
  }
}
