import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runChecks } from './checks/run-checks.js';
import { assembleReport } from './compute-report.js';
import { cellId, findRow, outcomeRows } from './model/formats.js';
import { APPLICANT_KINDS, T3, TABLE3_COLUMNS } from './model/shared-tables.js';
import type { AgencyRef, FormatVersion } from './model/types.js';
import { DEFAULT_OUTCOME_ROWS, OUTCOMES, outcomeRow } from '../statute/outcomes.js';
import { tabulateTable3, type RequestCase } from './table3.js';

const versions: FormatVersion[] = ['2019', '2021'];
const agency: AgencyRef = { id: 'a1', name: '某县某乡人民政府', level: 'township' };

void test('every outcome maps to exactly one numeric outcome row in both formats', () => {
  assert.deepEqual(Object.keys(DEFAULT_OUTCOME_ROWS).sort(), [...OUTCOMES].sort());
  for (const v of versions) {
    const rows = new Set(outcomeRows(v).map((r) => r.id));
    for (const o of OUTCOMES) {
      const row = outcomeRow(o, v);
      assert.ok(rows.has(row), `${o} → ${row} is not an outcome row in ${v}`);
      assert.equal(findRow(v, row)?.heading, false);
    }
    // And every outcome row of the form is reachable.
    const reached = new Set(OUTCOMES.map((o) => outcomeRow(o, v)));
    assert.deepEqual(
      [...rows].filter((r) => !reached.has(r)),
      [],
    );
  }
});

void test('spot checks of the §2.6 mapping', () => {
  assert.equal(outcomeRow('partlyDisclosed', '2021'), 't3.r3.2');
  assert.equal(outcomeRow('notResponsible', '2021'), 't3.r3.4.1');
  assert.equal(outcomeRow('feeNotPaid', '2021'), 't3.r3.6.2');
  assert.equal(outcomeRow('feeNotPaid', '2019'), 't3.r3.6');
  assert.equal(outcomeRow('withdrawn', '2021'), 't3.r3.6.3');
  assert.equal(outcomeRow('specialAccessProcedure', '2019'), 't3.r3.3.8');
});

const day = fc
  .date({ min: new Date('2023-06-01T00:00:00Z'), max: new Date('2026-06-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const caseArb = fc.record({
  applicant: fc.constantFrom(...APPLICANT_KINDS),
  receivedOn: day,
  outcome: fc.option(fc.record({ code: fc.constantFrom(...OUTCOMES), on: day }), { nil: undefined }),
});
const casesArb = fc
  .array(caseArb, { maxLength: 60 })
  .map((list) =>
    list.map((c, i): RequestCase => ({ id: `c${i}`, ...c, ...(c.outcome ? {} : { outcome: undefined }) })),
  );

void test('一 + 二 = 三 + 四 by construction, and each cell lists exactly its cases (property)', () => {
  fc.assert(
    fc.property(casesArb, fc.constantFrom(...versions), (cases, format) => {
      const year = format === '2021' ? 2025 : 2020;
      const shifted = format === '2021' ? cases : cases.map((c) => shift(c, -5));
      const report = assembleReport(
        agency,
        year,
        {
          article20: [],
          table3: tabulateTable3(shifted, year, format),
          disputes: [],
        },
        { format },
      );
      const t3 = report.tables.t3;
      for (const col of TABLE3_COLUMNS) {
        const v = (r: string) => t3[cellId(r, col.id)]!;
        assert.equal(v(T3.received) + v(T3.carriedOver), v(T3.outcomeTotal) + v(T3.carriedForward));
      }
      for (const [id, value] of Object.entries(t3)) {
        const p = report.provenance![id]!;
        assert.equal(p.kind, 'cases');
        if (p.kind === 'cases') assert.equal(p.caseIds.length, value);
      }
      // Table 二 is left blank here, so only the table rules apply.
      const failed = runChecks(report).filter((r) => /^t[34]\./.test(r.ruleId) && r.status === 'failed');
      assert.deepEqual(
        failed.map((r) => r.ruleId),
        [],
      );
    }),
    { numRuns: 200 },
  );
});

function shift(c: RequestCase, years: number): RequestCase {
  const y = (d: string) => `${Number(d.slice(0, 4)) + years}${d.slice(4)}`.replace('-02-29', '-02-28');
  return {
    ...c,
    receivedOn: y(c.receivedOn),
    ...(c.outcome ? { outcome: { ...c.outcome, on: y(c.outcome.on) } } : {}),
  };
}

void test('tabulation follows receipt and reply dates (a table of cases)', () => {
  const cases: RequestCase[] = [
    {
      id: 'new-closed',
      applicant: 'natural',
      receivedOn: '2025-03-01',
      outcome: { code: 'disclosed', on: '2025-03-20' },
    },
    { id: 'new-open', applicant: 'natural', receivedOn: '2025-12-20' },
    {
      id: 'new-closed-next-year',
      applicant: 'commercial',
      receivedOn: '2025-12-15',
      outcome: { code: 'notHeld', on: '2026-01-08' },
    },
    {
      id: 'old-closed',
      applicant: 'legalService',
      receivedOn: '2024-12-10',
      outcome: { code: 'feeNotPaid', on: '2025-01-20' },
    },
    {
      id: 'old-done',
      applicant: 'natural',
      receivedOn: '2024-05-01',
      outcome: { code: 'disclosed', on: '2024-05-10' },
    },
    { id: 'future', applicant: 'natural', receivedOn: '2026-01-02' },
  ];
  const t = tabulateTable3(cases, 2025, '2021').cells;
  const ids = (row: string, kind: string) => t[cellId(row, kind)]!.caseIds;
  assert.deepEqual(ids('t3.r1', 'natural'), ['new-closed', 'new-open']);
  assert.deepEqual(ids('t3.r1', 'commercial'), ['new-closed-next-year']);
  assert.deepEqual(ids('t3.r2', 'legalService'), ['old-closed']);
  assert.deepEqual(ids('t3.r3.1', 'natural'), ['new-closed']);
  assert.deepEqual(ids('t3.r3.6.2', 'legalService'), ['old-closed']);
  assert.deepEqual(ids('t3.r4', 'natural'), ['new-open']);
  assert.deepEqual(ids('t3.r4', 'commercial'), ['new-closed-next-year']);
  assert.equal(t[cellId('t3.r3.4.1', 'commercial')]!.count, 0);
  // 2026: the case carried forward from 2025 is carried over, then answered.
  const next = tabulateTable3(cases, 2026, '2021').cells;
  assert.deepEqual(next[cellId('t3.r2', 'commercial')]!.caseIds, ['new-closed-next-year']);
  assert.deepEqual(next[cellId('t3.r3.4.1', 'commercial')]!.caseIds, ['new-closed-next-year']);
  // 2019 format: 逾期未缴费 falls in the single （六）其他处理 row.
  const old = tabulateTable3(
    cases.map((c) => shift(c, -5)),
    2020,
    '2019',
  ).cells;
  assert.deepEqual(old[cellId('t3.r3.6', 'legalService')]!.caseIds, ['old-closed']);
});
