/**
 * Resolves a session cookie to the acting user, sliding the idle timeout forward on each use.
 */
import type { Actor } from '../../platform/actor.js';
import { usersStore } from '../users.store.js';
import type { AppContext } from '../../platform/context.js';
import { hashToken, sessionsStore } from './sessions.store.js';

export interface CurrentUser {
  actor: Extract<Actor, { kind: 'user' }>;
  sessionId: string;
  csrfToken: string;
  username: string;
}

export async function currentUser(
  ctx: AppContext,
  token: string | undefined,
): Promise<CurrentUser | undefined> {
  if (!token) return undefined;
  const id = hashToken(token);
  const session = await sessionsStore.byId(ctx.db, id);
  const now = ctx.now();
  if (!session) return undefined;
  if (session.expiresAt <= now.toISOString()) {
    await sessionsStore.remove(ctx.db, id);
    return undefined;
  }
  const user = await usersStore.sessionUser(ctx.db, session.userId);
  if (!user || user.disabled === 1) return undefined;
  // Touch at most once a minute: a page view should not always be a write.
  if (now.getTime() - Date.parse(session.lastSeenAt) > 60_000) {
    await sessionsStore.touch(
      ctx.db,
      id,
      now.toISOString(),
      new Date(now.getTime() + ctx.config.auth.sessionIdleMinutes * 60_000).toISOString(),
    );
  }
  const grants = await usersStore.grants(ctx.db, user.id);
  return {
    actor: { kind: 'user', userId: user.id, label: user.display_name, grants },
    sessionId: id,
    csrfToken: session.csrfToken,
    username: user.username,
  };
}

export async function logout(ctx: AppContext, sessionId: string): Promise<void> {
  await sessionsStore.remove(ctx.db, sessionId);
}
