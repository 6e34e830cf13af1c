/**
 * Use case: staff log in. Wrong passwords count towards a lockout (LOGIN_MAX_FAILURES within one lock
 * window locks the account for LOGIN_LOCK_MINUTES); the message never tells which of name or password
 * was wrong.
 */
import { usersStore } from '../users.store.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { hashToken, newToken, sessionsStore } from './sessions.store.js';
import { hashPassword, verifyPassword } from './passwords.js';

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
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    throw new DomainError(
      'auth.locked',
      `登录失败次数过多，账号已暂时锁定，请于 ${minutesUntil(user.lockedUntil, now)} 分钟后再试。`,
    );
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= ctx.config.auth.maxFailures;
    await ctx.db.transaction().execute(async (tx) => {
      await usersStore.recordFailure(
        tx,
        user.id,
        lock ? 0 : failures,
        lock ? new Date(now.getTime() + ctx.config.auth.lockMinutes * 60_000).toISOString() : null,
      );
      await appendEvent(tx, {
        at: ctx.now(),
        actor: { kind: 'public', label: username },
        agencyId: null,
        entityType: 'user',
        entityId: user.id,
        action: lock ? 'user.locked' : 'user.login_failed',
        data: { failures },
      });
    });
    if (lock) {
      throw new DomainError(
        'auth.locked',
        `登录失败次数过多，账号已暂时锁定，请于 ${ctx.config.auth.lockMinutes} 分钟后再试。`,
      );
    }
    throw wrongCredentials();
  }

  const token = newToken();
  const nowIso = now.toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await usersStore.clearFailures(tx, user.id);
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
  });
  return { token, userId: user.id };
}

function minutesUntil(iso: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(iso) - now.getTime()) / 60_000));
}
