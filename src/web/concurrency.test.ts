import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServiceBusy } from '../platform/errors.js';
import { ExpensiveLimits, Semaphore } from './concurrency.js';

test('a semaphore gives at most `limit` slots, queues `queue` more in order and refuses beyond', async () => {
  const s = new Semaphore(2, 1);
  const a = await s.tryAcquire()!;
  const b = await s.tryAcquire()!;
  const order: string[] = [];
  const c = s.tryAcquire()!.then((release) => {
    order.push('c');
    return release;
  });
  assert.equal(s.tryAcquire(), undefined, 'queue full');
  assert.deepEqual([s.inUse, s.queued], [2, 1]);
  a();
  a(); // releasing twice frees one slot only
  const releaseC = await c;
  assert.deepEqual(order, ['c']);
  assert.deepEqual([s.inUse, s.queued], [2, 0]);
  b();
  releaseC();
  assert.equal(s.inUse, 0);
});

test('limits run the work in a slot, free it when the work fails, and refuse a full class with 503', async () => {
  const limits = new ExpensiveLimits({ search: 1, export: 1, pdf: 1, queue: 0 }, 9);
  await assert.rejects(
    limits.run('pdf', () => {
      throw new Error('broken');
    }),
    /broken/,
  );
  assert.equal(limits.semaphores.pdf.inUse, 0);
  let finish!: () => void;
  const running = limits.run('search', () => new Promise<void>((r) => (finish = r)));
  await assert.rejects(
    limits.run('search', () => 1),
    (e: unknown) => {
      assert.ok(e instanceof ServiceBusy);
      assert.equal(e.statusCode, 503);
      assert.equal(e.retryAfterSeconds, 9);
      assert.match(e.message, /检索/);
      return true;
    },
  );
  assert.equal(await limits.run('export', () => 2), 2, 'another class is not affected');
  await new Promise((r) => setImmediate(r));
  finish();
  await running;
  assert.equal(await limits.run('search', () => 3), 3);
});

test('while the loop is strained expensive work is refused before any slot is taken', async () => {
  let strained = true;
  const limits = new ExpensiveLimits({ search: 4, export: 4, pdf: 4, queue: 4 }, 5, () => strained);
  await assert.rejects(
    limits.run('search', () => 1),
    ServiceBusy,
  );
  assert.equal(limits.semaphores.search.inUse, 0);
  strained = false;
  assert.equal(await limits.run('search', () => 1), 1);
});
