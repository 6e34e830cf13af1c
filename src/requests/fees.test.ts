import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessFee, itemRate, itemTotal, pageFee } from './fees.js';

test('statutory.md §4 worked examples', () => {
  assert.equal(itemRate(12), 100); // the 12th application in a month costs 100
  assert.equal(itemTotal(35), 20 * 100 + 5 * 200); // 3,000
  assert.equal(itemTotal(35), 3000);
  assert.equal(pageFee(150), 70 * 10 + 50 * 20); // 1,700
  assert.equal(pageFee(150), 1700);
});

test('tier boundaries', () => {
  assert.deepEqual(
    [1, 10, 11, 30, 31, 40, 41, 50, 51].map(itemRate),
    [0, 0, 100, 100, 200, 200, 300, 300, 400],
  );
  assert.equal(itemTotal(10), 0);
  assert.deepEqual([0, 30, 31, 100, 101, 200, 201].map(pageFee), [0, 0, 10, 700, 720, 2700, 2740]);
});

test('one method per assessment; bad numbers are refused in Chinese', () => {
  assert.equal(assessFee({ method: 'per_volume', pages: 150 }).amount, 1700);
  assert.match(assessFee({ method: 'per_item', ordinal: 12 }).explanation, /第12件/);
  assert.throws(() => itemRate(0), /正整数/);
  assert.throws(() => pageFee(-1), /非负整数/);
});
