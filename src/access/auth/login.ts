/**
 * Use case: staff log in. Wrong passwords in a row count towards a lockout (LOGIN_MAX_FAILURES lock the account
 * for LOGIN_LOCK_MINUTES, each further one for twice as long: lockout.ts), counted in one atomic statement so
 * parallel guesses all count, and a right password on a locked account is refused; the message never tells
 * which of name or password was wrong.
 */
import { usersStore } from '../users.store.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { hashToken, newToken, sessionsStore } from './sessions.store.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { lockMinutesAfter } from './lockout.js';

let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword('decoy-password-never-matches'));

interface LoginInput {
  username: string;
  password: string;
}

interface LoginResult {
  /** The cookie value; only its hash is stored. */
  token: string;
  userId: string;
}

const wrongCredentials = () => new DomainError('auth.invalid_credentials', '用户名或密码不正确。');

export async function login(ctx: AppContext, input: LoginInput): Promise<LoginResult> {
  const username = (input.username ?? '').trim();
  const password = input.password ?? '';
  const fields: Record<string, string> = {};
  if (!username) fields.username = '请输入用户名';
  if (!password) fields.password = '请输入密码';
  if (Object.keys(fields).length) throw validationFailed(fields);

  const now = ctx.now();
  const user = await usersStore.byUsername(ctx.db, username);
  if (!user || user.disabled) {
    // Spend the same time as a real check, so response times do not reveal which names exist.
    await verifyPassword(await decoyHash(), password);
    throw wrongCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) throw lockedError(user.lockedUntil, now);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await countFailure(ctx, user.id, user.failedLogins, username, now);
    throw wrongCredentials();
  }
  const token = newToken();
  const nowIso = now.toISOString();
  const signedIn = await ctx.db.transaction().execute(async (tx) => {
    // A parallel wrong guess may have locked the account since it was read: the lock holds.
    if (!(await usersStore.clearFailuresUnlessLocked(tx, user.id, nowIso))) return false;
    await sessionsStore.create(tx, {
      id: hashToken(token),
      userId: user.id,
      csrfToken: newToken(),
      createdAt: nowIso,
      lastSeenAt: nowIso,
      expiresAt: new Date(now.getTime() + ctx.config.auth.sessionIdleMinutes * 60_000).toISOString(),
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor: { kind: 'user', userId: user.id, label: user.displayName, grants: [] },
      agencyId: null,
      entityType: 'user',
      entityId: user.id,
      action: 'user.logged_in',
    });
    return true;
  });
  if (!signedIn) throw await lockedNow(ctx, username, now);
  return { token, userId: user.id };
}

/**
 * Counts a wrong password atomically (usersStore.countFailure) and throws `auth.locked` when this guess locked
 * the account or it was locked meanwhile; returns when the guess was merely wrong.
 */
async function countFailure(
  ctx: AppContext,
  userId: string,
  failedBefore: number,
  username: string,
  now: Date,
): Promise<void> {
  const rule = ctx.config.auth;
  const nowIso = now.toISOString();
  // The count this guess will most likely reach; a parallel guess can only make it higher, never lower.
  const minutes = lockMinutesAfter(Math.max(failedBefore + 1, rule.maxFailures), rule);
  const lockedUntil = new Date(now.getTime() + minutes * 60_000).toISOString();
  const counted = await ctx.db.transaction().execute(async (tx) => {
    const c = await usersStore.countFailure(tx, userId, {
      now: nowIso,
      maxFailures: rule.maxFailures,
      lockedUntil,
    });
    if (!c) return undefined;
    const locked = c.lockedUntil !== null && c.lockedUntil > nowIso;
    await appendEvent(tx, {
      at: ctx.now(),
      actor: { kind: 'public', label: username },
      agencyId: null,
      entityType: 'user',
      entityId: userId,
      action: locked ? 'user.locked' : 'user.login_failed',
      data: { failures: c.failures },
    });
    return { locked, until: c.lockedUntil };
  });
  if (!counted) throw await lockedNow(ctx, username, now);
  if (counted.locked && counted.until) throw lockedError(counted.until, now);
}

async function lockedNow(ctx: AppContext, username: string, now: Date): Promise<DomainError> {
  const user = await usersStore.byUsername(ctx.db, username);
  return lockedError(user?.lockedUntil ?? new Date(now.getTime() + 60_000).toISOString(), now);
}

function lockedError(until: string, now: Date): DomainError {
  return new DomainError(
    'auth.locked',
    `登录失败次数过多，账号已暂时锁定，请于 ${minutesUntil(until, now)} 分钟后再试。`,
  );
}

function minutesUntil(iso: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(iso) - now.getTime()) / 60_000));
}
