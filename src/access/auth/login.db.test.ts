import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { testNow } from '../../../test/support/clock.js';
import type { AppContext } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { usersStore } from '../users.store.js';
import { login } from './login.js';
import { hashPassword } from './passwords.js';

const right = 'Right-Password-2026';

describeEachDatabase('login lockout', ({ handle }) => {
  let t = 0;
  let ctx: AppContext;
  const addUser = async (username: string) =>
    usersStore.insert(
      ctx.db,
      { id: newId(), username, displayName: username, passwordHash: await hashPassword(right), email: '' },
      new Date(t).toISOString(),
    );
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code?: string }) => e.code ?? 'error',
    );
  const failures = async (username: string) => (await usersStore.byUsername(ctx.db, username))?.failedLogins;

  before(() => {
    t = testNow().getTime();
    ctx = testContext(handle(), { now: () => new Date(t) });
  });

  test('40 parallel wrong passwords all count: the account is locked and the right password refused', async () => {
    await addUser('parallel');
    const codes = await Promise.all(
      Array.from({ length: 40 }, () => code(login(ctx, { username: 'parallel', password: 'wrong-wrong-1' }))),
    );
    assert.ok(codes.every((c) => c === 'auth.invalid_credentials' || c === 'auth.locked'));
    assert.ok(codes.includes('auth.locked'));
    assert.ok((await failures('parallel'))! >= ctx.config.auth.maxFailures);
    assert.equal(await code(login(ctx, { username: 'parallel', password: right })), 'auth.locked');
  });

  test('after the lock each further wrong password locks again for twice as long; the right one clears it', async () => {
    await addUser('slow');
    const { maxFailures, lockMinutes } = ctx.config.auth;
    for (let i = 1; i < maxFailures; i++) {
      assert.equal(
        await code(login(ctx, { username: 'slow', password: 'nope' })),
        'auth.invalid_credentials',
      );
    }
    assert.equal(await code(login(ctx, { username: 'slow', password: 'nope' })), 'auth.locked');
    t += (lockMinutes + 1) * 60_000;
    await assert.rejects(login(ctx, { username: 'slow', password: 'nope' }), /请于 30 分钟后再试/);
    t += 29 * 60_000;
    assert.equal(await code(login(ctx, { username: 'slow', password: right })), 'auth.locked');
    t += 2 * 60_000;
    assert.equal(await code(login(ctx, { username: 'slow', password: right })), 'ok');
    assert.equal(await failures('slow'), 0);
  });
});
