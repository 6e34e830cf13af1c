import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LOCK_MINUTES, lockMinutesAfter } from './lockout.js';

const rule = { maxFailures: 5, lockMinutes: 15 };

test('no lock below the threshold; the threshold locks for the configured minutes', () => {
  assert.equal(lockMinutesAfter(0, rule), 0);
  assert.equal(lockMinutesAfter(4, rule), 0);
  assert.equal(lockMinutesAfter(5, rule), 15);
});

test('each further wrong password doubles the lock, up to a day', () => {
  assert.deepEqual(
    [6, 7, 8].map((n) => lockMinutesAfter(n, rule)),
    [30, 60, 120],
  );
  assert.equal(lockMinutesAfter(12, rule), MAX_LOCK_MINUTES);
  assert.equal(lockMinutesAfter(10_000, rule), MAX_LOCK_MINUTES);
});
