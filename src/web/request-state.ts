/** What the web layer attaches to each request: the signed-in user (admin) and display preferences. */
import type { CurrentUser } from '../access/auth/current-user.js';

declare module 'fastify' {
  interface FastifyRequest {
    user?: CurrentUser;
    /** 长者模式 (elder-friendly mode): larger text and higher contrast, kept in a cookie. */
    elderMode: boolean;
    /** Token for state-changing forms: the session's, or the anonymous double-submit cookie's. */
    csrfToken: string;
  }
}

export {};
