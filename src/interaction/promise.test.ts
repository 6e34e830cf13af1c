import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedArrangements } from '../calendar/data/shipped.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { promiseDates, replyWorkdays, urgencyOf } from './promise.js';

const cal = new WorkCalendar(shippedArrangements());

// Expected dates counted by hand from 国办发明电〔2024〕12号 (2025 arrangement): 春节 off 1/28–2/4, work Sun 1/26
// and Sat 2/8; 国庆 off 10/1–10/8, work Sun 9/28 and Sat 10/11. Receipt day not counted.
const cases: Array<[receivedAt: string, days: number, due: string, why: string]> = [
  ['2025-01-24', 3, '2025-02-05', 'Fri: make-up Sun 1/26, Mon 1/27, then the holiday, Wed 2/5'],
  ['2025-01-27', 3, '2025-02-07', 'last day before the holiday: 2/5, 2/6, 2/7'],
  ['2025-02-06', 3, '2025-02-10', 'make-up Sat 2/8 counts: 2/7, 2/8, Mon 2/10'],
  ['2025-09-26', 3, '2025-09-30', 'make-up Sun 9/28, 9/29, 9/30'],
  ['2025-09-30', 3, '2025-10-11', 'Golden Week skipped: 10/9, 10/10, make-up Sat 10/11'],
  ['2025-09-26', 5, '2025-10-10', 'a 5-day promise across the Golden Week'],
  ['2025-10-01', 3, '2025-10-11', 'received on a holiday: counting starts after it'],
  // 00:30 in Beijing on 1/27 is still 1/26 in UTC: the legal day is the Beijing one.
  ['2025-01-26T16:30:00.000Z', 3, '2025-02-07', 'instant converted to China Standard Time'],
  ['2025-01-26T15:30:00.000Z', 3, '2025-02-06', '23:30 in Beijing on the make-up Sunday'],
];

describe('reply promise due dates over 2025 holidays and make-up days', () => {
  for (const [at, days, due, why] of cases) {
    test(`${at} + ${days} working days → ${due} (${why})`, () => {
      assert.equal(promiseDates(cal, at, days).dueOn, due);
    });
  }

  test('the 3-month line: open after the same day three months later is critical', () => {
    assert.equal(promiseDates(cal, '2025-01-24', 3).criticalAfter, '2025-04-24');
    assert.equal(promiseDates(cal, '2025-11-30', 3).criticalAfter, '2026-02-28');
    const m = { dueOn: '2025-01-29', criticalAfter: '2025-04-24' };
    assert.equal(urgencyOf(cal, m, '2025-04-24'), 'overdue');
    assert.equal(urgencyOf(cal, m, '2025-04-25'), 'critical');
  });

  test('due soon one working day before the due date, overdue the day after', () => {
    const m = { dueOn: '2025-02-05', criticalAfter: '2025-04-24' };
    assert.equal(urgencyOf(cal, m, '2025-01-26'), 'on_time'); // make-up Sunday: 1/27 and 2/5 left
    assert.equal(urgencyOf(cal, m, '2025-01-27'), 'due_soon'); // only 2/5 left
    assert.equal(urgencyOf(cal, m, '2025-02-05'), 'due_soon');
    assert.equal(urgencyOf(cal, m, '2025-02-06'), 'overdue');
  });

  test('working days to reply skip the holiday and count the make-up day', () => {
    assert.equal(replyWorkdays(cal, '2025-01-24', '2025-02-05'), 3);
    assert.equal(replyWorkdays(cal, '2025-09-30', '2025-10-09'), 1);
    assert.equal(replyWorkdays(cal, '2025-09-30', '2025-09-30'), 0);
  });

  test('a year without a loaded arrangement is provisional', () => {
    assert.equal(promiseDates(cal, '2025-06-03', 3).provisional, false);
    assert.equal(promiseDates(cal, '2030-06-03', 3).provisional, true);
  });
});
