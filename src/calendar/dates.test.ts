import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addMonths, dayNumber, isIsoDate, isoDateOf, weekdayOf, formatDateZh } from './dates.js';
import { legalDayOf, toLegalDay } from './legal-day.js';
import { DomainError } from '../platform/errors.js';

test('day numbers round-trip and agree with Date', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 73000 }), (n) => {
      const iso = isoDateOf(n);
      return dayNumber(iso) === n && Date.parse(`${iso}T00:00:00Z`) / 86400000 === n;
    }),
  );
  assert.equal(weekdayOf(dayNumber('2025-01-26')), 0);
  assert.equal(formatDateZh('2025-01-20'), '2025年1月20日（星期一）');
});

test('isIsoDate rejects impossible dates', () => {
  for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '20250101', '2025-04-31', ''])
    assert.equal(isIsoDate(bad), false, bad);
  for (const ok of ['2024-02-29', '2000-02-29', '2025-12-31']) assert.equal(isIsoDate(ok), true, ok);
  assert.equal(isIsoDate('1900-02-29'), false);
});

test('addMonths counts months as months, clamping to the month end', () => {
  assert.equal(addMonths('2025-03-15', 6), '2025-09-15');
  assert.equal(addMonths('2025-08-31', 6), '2026-02-28');
  assert.equal(addMonths('2023-08-31', 6), '2024-02-29');
  assert.equal(addMonths('2025-10-10', 6), '2026-04-10');
});

test('legalDayOf: the day in China Standard Time, whatever the server zone', () => {
  assert.equal(legalDayOf('2025-01-02T17:00:00Z'), '2025-01-03'); // 01:00 on the 3rd in Beijing
  assert.equal(legalDayOf('2025-01-02T15:59:59.999Z'), '2025-01-02');
  assert.equal(legalDayOf('2025-01-03T01:00:00+08:00'), '2025-01-03');
  assert.equal(legalDayOf('2024-12-31T16:00:00Z'), '2025-01-01');
  assert.equal(toLegalDay('2025-01-03'), '2025-01-03');
  assert.throws(() => legalDayOf('2025-01-03 01:00'), DomainError);
  assert.throws(
    () => legalDayOf('2025-01-03T01:00:00'),
    DomainError,
    'an instant without an offset is ambiguous',
  );
});

test('legalDayOf agrees with Intl Asia/Shanghai from 1992 on', () => {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
      const instant = new Date(ms).toISOString();
      return legalDayOf(instant) === fmt.format(new Date(ms));
    }),
  );
});
