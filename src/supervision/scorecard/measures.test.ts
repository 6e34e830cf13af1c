/** The scorecard's pure rules against tables of real dates and cases. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkCalendar } from '../../calendar/work-calendar.js';
import { shippedArrangements } from '../../calendar/data/shipped.js';
import {
  annualReportMeasure,
  art26Measure,
  columnsMeasure,
  freshnessClass,
  messagesMeasure,
  monthsBefore,
  requestsMeasure,
} from './measures.js';
import { gradeFor, pointsFor } from './scoring.js';

const cal = new WorkCalendar(shippedArrangements());

test('Art. 26 counts the 20 working days on the calendar (Spring Festival 2025 not counted)', () => {
  // Formed 20 January 2025: 26 Jan is a make-up working day, 28 Jan–4 Feb the holiday; the 20th working day
  // after 20 January is 21 February.
  const o = art26Measure(cal, [
    { writtenOn: '2025-01-20', publishedOn: '2025-02-21' },
    { writtenOn: '2025-01-20', publishedOn: '2025-02-24' },
    { writtenOn: null, publishedOn: '2025-03-01' },
  ]);
  assert.deepEqual(o.figures, { published: 3, dated: 2, onTime: 1, late: 1 });
  assert.equal(o.rate, 0.5);
  assert.equal(art26Measure(cal, []).rate, null);
});

test('requests and messages: late replies and open cases past due count against the rate', () => {
  const r = requestsMeasure(
    [
      { dueDate: '2025-03-31', outcomeOn: '2025-03-31', open: false },
      { dueDate: '2025-03-31', outcomeOn: '2025-04-01', open: false },
      { dueDate: '2025-12-30', outcomeOn: null, open: true },
      { dueDate: '2026-01-05', outcomeOn: null, open: true },
      { dueDate: null, outcomeOn: null, open: true },
    ],
    '2025-12-31',
  );
  assert.deepEqual(r.figures, { answered: 2, onTime: 1, lateAnswered: 1, overdueOpen: 1 });
  assert.equal(r.rate, 1 / 3);
  const m = messagesMeasure(
    [
      { status: 'replied', closedOn: '2025-02-05', dueOn: '2025-02-05', open: false },
      { status: 'declined', closedOn: '2025-02-05', dueOn: '2025-02-01', open: false },
      { status: 'received', closedOn: null, dueOn: '2025-12-31', open: true },
    ],
    '2025-12-31',
  );
  assert.deepEqual(m.figures, { replied: 1, onTime: 1, lateReplied: 0, overdueOpen: 0 });
  assert.equal(m.rate, 1);
});

test('annual report: on time and passing, one of the two, missing, not yet due', () => {
  const base = { reportYear: 2024, dueOn: '2025-01-31', asOf: '2025-12-31' };
  const rate = (firstPublishedOn: string | null, failingErrors: number | null, asOf = base.asOf) =>
    annualReportMeasure({ ...base, firstPublishedOn, failingErrors, asOf }).rate;
  assert.equal(rate('2025-01-31', 0), 1);
  assert.equal(rate('2025-02-01', 0), 0.5);
  assert.equal(rate('2025-01-20', 2), 0.5);
  assert.equal(rate(null, null), 0);
  assert.equal(rate(null, null, '2025-01-15'), null);
});

test('columns: 2 weeks for dynamic, 6 months for notice and policy columns, none blank', () => {
  assert.equal(freshnessClass('工作动态'), 'dynamic');
  assert.equal(freshnessClass('通知公告'), 'notice');
  assert.equal(freshnessClass('政策文件'), 'notice');
  assert.equal(freshnessClass('行政法规、规章和规范性文件'), 'other');
  assert.equal(freshnessClass('扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'), 'other');
  assert.equal(monthsBefore('2025-08-31', 6), '2025-02-28');
  assert.equal(monthsBefore('2025-03-15', 6), '2024-09-15');
  const o = columnsMeasure(
    [
      { name: '工作动态', lastPublishedOn: '2025-12-17' }, // 14 days before: fresh
      { name: '乡镇要闻', lastPublishedOn: '2025-12-16' }, // 15 days before: stale
      { name: '通知公告', lastPublishedOn: '2025-06-30' }, // exactly 6 months: fresh
      { name: '政策文件', lastPublishedOn: '2025-06-29' }, // stale
      { name: '财政预决算', lastPublishedOn: '2021-01-01' }, // updated by event: not stale
      { name: '重大建设项目', lastPublishedOn: null }, // blank
    ],
    '2025-12-31',
  );
  assert.deepEqual(o.figures, { columns: 6, blank: 1, stale: 2, fresh: 3 });
  assert.equal(o.rate, 0.5);
});

test('points are linear between the zero line and the full line; grades by threshold', () => {
  assert.equal(pointsFor(20, 1, 0.6, 1), 20);
  assert.equal(pointsFor(20, 1, 0.6, 0.8), 10);
  assert.equal(pointsFor(20, 1, 0.6, 0.59), 0);
  assert.equal(pointsFor(20, 1, 0.6, null), 20);
  assert.equal(pointsFor(15, 0.9, 0, 0.45), 7.5);
  const t = { excellent: 90, good: 80, pass: 60 };
  assert.deepEqual(
    [90, 89.9, 80, 60, 59.9].map((x) => gradeFor(x, t)),
    ['excellent', 'good', 'good', 'pass', 'fail'],
  );
});
