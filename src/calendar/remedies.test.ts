import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar } from './work-calendar.js';
import { shippedArrangements } from './data/shipped.js';
import { litigationAfterReview, remedyWindows } from './remedies.js';
import { renderExplanationZh } from './explain.js';
import { DomainError } from '../platform/errors.js';

const cal = new WorkCalendar(shippedArrangements());

test('reconsideration: 60 calendar days, a last day in the 劳动节 holiday runs to the next working day', () => {
  const { reconsideration, litigation } = remedyWindows(cal, { knownOn: '2025-03-03' });
  assert.equal(reconsideration.lastDay, '2025-05-06'); // nominal 2025-05-02, holiday 05-01…05
  assert.equal(reconsideration.rolledFrom, '2025-05-02');
  assert.equal(litigation.lastDay, '2025-09-03'); // 6 months, a Wednesday
  assert.equal(litigation.rolledFrom, null);
  assert.equal(litigation.available, true);
  assert.match(
    renderExplanationZh(reconsideration.explanation),
    /2025年5月2日（星期五）为节假日，期限顺延至其后第一个工作日2025年5月6日（星期二）/,
  );
});

test('weekends roll forward, a make-up Saturday does not', () => {
  assert.equal(remedyWindows(cal, { knownOn: '2025-01-07' }).reconsideration.lastDay, '2025-03-10'); // nominal Saturday 03-08
  const makeup = remedyWindows(cal, { knownOn: '2024-12-10' }).reconsideration;
  assert.equal(makeup.lastDay, '2025-02-08');
  assert.equal(makeup.rolledFrom, null);
});

test('litigation: months counted as months; National Day rolls to 10-09', () => {
  assert.equal(remedyWindows(cal, { knownOn: '2025-04-01' }).litigation.lastDay, '2025-10-09');
  // 08-31 + 6 months = 2026-02-28, a Saturday worked under the 2026 Spring Festival arrangement: no roll
  assert.equal(remedyWindows(cal, { knownOn: '2025-08-31' }).litigation.lastDay, '2026-02-28');
  assert.equal(remedyWindows(cal, { knownOn: '2025-09-30' }).litigation.lastDay, '2026-03-30'); // 03-30 Monday
  assert.equal(litigationAfterReview(cal, '2025-09-16').lastDay, '2025-10-09'); // 15 days → 10-01
  assert.equal(litigationAfterReview(cal, '2025-06-03T20:00:00Z').from, '2025-06-04');
});

test('no reply: the periods run from the day the reply period expired', () => {
  const { reconsideration } = remedyWindows(cal, { replyDueDate: '2025-03-31' });
  assert.equal(reconsideration.from, '2025-03-31');
  assert.equal(reconsideration.lastDay, '2025-05-30');
  assert.throws(() => remedyWindows(cal, {}), DomainError);
});

test('refusals to disclose must go to reconsideration first from 2024-01-01 (行政复议法 Art. 23)', () => {
  assert.equal(remedyWindows(cal, { knownOn: '2024-05-10', refusal: true }).litigation.available, false);
  assert.equal(remedyWindows(cal, { knownOn: '2023-05-10', refusal: true }).litigation.available, true);
  assert.equal(remedyWindows(cal, { knownOn: '2024-05-10' }).litigation.available, true);
});

test('a window ending in a year without an arrangement is provisional', () => {
  assert.equal(remedyWindows(cal, { knownOn: '2026-11-15' }).reconsideration.provisional, true);
  assert.equal(remedyWindows(cal, { knownOn: '2026-09-15' }).reconsideration.provisional, false);
});
