import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkCalendar } from './work-calendar.js';
import { shippedArrangements, shippedOverlays } from './data/shipped.js';
import { isoDateOf, daysFromCivil } from './dates.js';
import { DomainError } from '../platform/errors.js';

const cal = new WorkCalendar(shippedArrangements());

// Hand-checked against the State Council notices (and test/fixtures/holidays/README.md).
const ADD_CASES: Array<[string, number, string, string]> = [
  ['2025-01-20', 20, '2025-02-21', 'Spring Festival 2025 with make-up Sunday 01-26 and Saturday 02-08'],
  ['2025-01-24', 1, '2025-01-26', 'a Sunday make-up day is the next working day'],
  ['2024-02-08', 20, '2024-03-13', 'Spring Festival 2024, make-up Sunday 02-18'],
  ['2020-01-23', 20, '2020-02-28', '2020 extension to 02-02 (国办发明电〔2020〕1号)'],
  ['2023-12-29', 1, '2024-01-02', 'year boundary, 元旦 2024-01-01'],
  ['2024-12-20', 20, '2025-01-20', 'a deadline that runs through two arrangements'],
  ['2025-09-26', 1, '2025-09-28', 'National Day 2025: Sunday 09-28 worked'],
  ['2025-09-30', 1, '2025-10-09', 'National Day 2025: 10-01…10-08 off'],
  ['2025-10-09', 2, '2025-10-11', 'National Day 2025: Saturday 10-11 worked'],
  ['2019-09-27', 3, '2019-10-08', 'National Day 2019: 09-29 Sunday and 09-30 worked, 10-01…07 off'],
  ['2019-10-11', 1, '2019-10-12', 'National Day 2019: Saturday 10-12 worked'],
  ['2025-01-20', 0, '2025-01-20', 'zero days is the start day itself'],
  ['2025-01-25', 0, '2025-01-25', 'zero days even on a Saturday'],
];

test('addWorkingDays on real arrangements', () => {
  for (const [from, n, expected, why] of ADD_CASES) {
    assert.deepEqual(cal.addWorkingDays(from, n), { date: expected, provisional: false }, why);
  }
});

test('isWorkingDay: holidays, weekends, make-up days and the 2020 extension', () => {
  const cases: Array<[string, boolean]> = [
    ['2025-01-26', true], // Sunday make-up
    ['2025-01-28', false], // 除夕 2025 (off)
    ['2025-02-08', true], // Saturday make-up
    ['2025-02-09', false], // ordinary Sunday
    ['2020-01-31', false], // extension
    ['2020-02-01', false], // was a make-up Saturday, cancelled by the extension
    ['2020-02-02', false],
    ['2020-02-03', true],
    ['2020-01-19', true], // Sunday make-up
    ['2024-01-01', false],
    ['2024-01-02', true],
    ['2008-05-01', false], // first 劳动节 under the 2008 reform
    ['2008-05-04', true], // Sunday make-up
  ];
  for (const [d, expected] of cases) assert.equal(cal.isWorkingDay(d), expected, d);
  assert.equal(cal.dayInfo('2025-01-26').status, 'makeup');
  assert.equal(cal.dayInfo('2025-01-29').status, 'holiday');
  assert.equal(cal.dayInfo('2025-01-29').name, '春节');
  assert.equal(cal.dayInfo('2020-02-03').status, 'weekday');
});

test('working days per calendar year match the published totals', () => {
  const totals: Record<number, number> = {
    2019: 250,
    2020: 249,
    2021: 250,
    2022: 249,
    2023: 249,
    2024: 251,
    2025: 248,
    2026: 248,
  };
  for (const [y, n] of Object.entries(totals)) assert.equal(cal.workingDaysOfYear(Number(y)).length, n, y);
});

test('workingDaysBetween and nextWorkingDay', () => {
  assert.equal(cal.workingDaysBetween('2025-01-20', '2025-02-21'), 20);
  assert.equal(cal.workingDaysBetween('2025-02-21', '2025-01-20'), -20);
  assert.equal(cal.workingDaysBetween('2025-01-27', '2025-02-04'), 0);
  assert.deepEqual(cal.nextWorkingDay('2025-01-27'), { date: '2025-02-05', provisional: false });
  assert.deepEqual(cal.workingDayOnOrAfter('2025-02-05'), { date: '2025-02-05', provisional: false });
  assert.deepEqual(cal.workingDayOnOrAfter('2025-10-01'), { date: '2025-10-09', provisional: false });
});

test('a year without an arrangement is computed on weekends alone and marked provisional', () => {
  assert.deepEqual(cal.addWorkingDays('2026-12-31', 1), { date: '2027-01-01', provisional: true });
  assert.deepEqual(cal.addWorkingDays('2027-03-01', 5), { date: '2027-03-08', provisional: true });
  assert.equal(cal.isProvisional('2027-01-01'), true);
  assert.equal(cal.isProvisional('2026-12-31'), false);
  assert.deepEqual(cal.addWorkingDays('2026-12-25', 3), { date: '2026-12-30', provisional: false });
  assert.equal(cal.workingDaysOfYear(2027).length, 261); // 2027: 261 weekdays
});

test('bad input is refused with a Chinese DomainError', () => {
  assert.throws(
    () => cal.addWorkingDays('2025-02-30', 1),
    (e) => e instanceof DomainError && e.code === 'calendar.invalid_date',
  );
  assert.throws(
    () => cal.addWorkingDays('2025-01-20', -1),
    (e) => e instanceof DomainError && e.code === 'calendar.invalid_count',
  );
  assert.throws(() => cal.addWorkingDays('2025-01-20', 1.5), DomainError);
  assert.throws(
    () => cal.isWorkingDay('1969-12-31'),
    (e) => e instanceof DomainError && e.code === 'calendar.out_of_range',
  );
  assert.throws(
    () => cal.addWorkingDays('2169-12-30', 10),
    (e) => e instanceof DomainError && e.code === 'calendar.out_of_range',
  );
});

test('regional overlays: applied for the region when confirmed or explicitly included', () => {
  const gx = new WorkCalendar(shippedArrangements(), shippedOverlays(), {
    region: '450103',
    includeUnconfirmed: true,
  });
  assert.equal(gx.isWorkingDay('2024-04-11'), false); // 三月初三 2024 (derived, unconfirmed)
  assert.equal(gx.dayInfo('2024-04-11').status, 'regional_holiday');
  assert.equal(gx.isWorkingDay('2017-04-08'), true); // Saturday worked under the 2017 notice
  const gxDefault = new WorkCalendar(shippedArrangements(), shippedOverlays(), { region: '450000' });
  assert.equal(gxDefault.isWorkingDay('2024-04-11'), true, 'unconfirmed facts are not counted by default');
  const confirmed = new WorkCalendar(
    shippedArrangements(),
    [
      {
        format: 'gongkai.holiday-arrangement/1',
        region: '450000',
        regionName: '广西',
        source: 't',
        notices: [],
        days: [{ date: '2025-03-31', kind: 'off', name: '壮族三月三' }],
      },
    ],
    { region: '450000' },
  );
  assert.equal(confirmed.isWorkingDay('2025-03-31'), false);
  assert.equal(cal.isWorkingDay('2025-03-31'), true, 'the national calendar is unchanged');
  assert.throws(() => new WorkCalendar([], [], { region: 'GX' }), DomainError);
});

const DAY0 = daysFromCivil(2007, 1, 1);
const DAY1 = daysFromCivil(2026, 9, 30);
const anyDay = fc.integer({ min: DAY0, max: DAY1 }).map(isoDateOf);

test('property: add(a) then add(b) equals add(a+b)', () => {
  fc.assert(
    fc.property(anyDay, fc.nat(40), fc.nat(40), (d, a, b) => {
      const once = cal.addWorkingDays(d, a + b).date;
      const twice = cal.addWorkingDays(cal.addWorkingDays(d, a).date, b).date;
      return once === twice;
    }),
  );
});

test('property: adding at least one day always lands on a working day', () => {
  fc.assert(
    fc.property(anyDay, fc.integer({ min: 1, max: 60 }), (d, n) =>
      cal.isWorkingDay(cal.addWorkingDays(d, n).date),
    ),
  );
});

test('property: workingDaysBetween(d, add(d, n)) = n, and the result is after d', () => {
  fc.assert(
    fc.property(anyDay, fc.nat(60), (d, n) => {
      const r = cal.addWorkingDays(d, n).date;
      return cal.workingDaysBetween(d, r) === n && (n === 0 ? r === d : r > d);
    }),
  );
});

test('property: the O(1) arithmetic agrees with a day-by-day walk', () => {
  fc.assert(
    fc.property(anyDay, fc.nat(30), (d, n) => {
      let x = d;
      for (let k = 0; k < n;) {
        x = isoDateOf(daysFromCivil(+x.slice(0, 4), +x.slice(5, 7), +x.slice(8, 10)) + 1);
        if (cal.isWorkingDay(x)) k++;
      }
      return cal.addWorkingDays(d, n).date === x;
    }),
  );
});
