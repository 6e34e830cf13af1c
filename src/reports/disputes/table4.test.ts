import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RESULT_COLUMNS, resultColumns } from './result-columns.js';
import { LITIGATION_RESULTS, RECONSIDERATION_RESULTS, disputeProblems, type Dispute } from './register.js';
import { tabulateTable4 } from './table4.js';

const cell = (t: ReturnType<typeof tabulateTable4>, col: string) => t.cells[`t4.r1:${col}`];
const ids = (t: ReturnType<typeof tabulateTable4>, col: string) => t.disputeIds[`t4.r1:${col}`];

const reviewThenSuit: Dispute = {
  id: 'd1',
  agencyId: 'a',
  requestId: 'r9',
  stages: [
    {
      kind: 'reconsideration',
      body: '某县人民政府',
      filedOn: '2025-02-01',
      decidedOn: '2025-03-20',
      result: 'upheld',
    },
    { kind: 'lawsuit', body: '某市中级人民法院', filedOn: '2025-04-01' },
  ],
};
const directWithAppeal: Dispute = {
  id: 'd2',
  agencyId: 'a',
  stages: [
    {
      kind: 'lawsuit',
      body: '某县人民法院',
      filedOn: '2024-10-01',
      decidedOn: '2025-01-15',
      result: 'claimDismissed',
    },
    {
      kind: 'appeal',
      body: '某市中级人民法院',
      filedOn: '2025-01-25',
      decidedOn: '2025-06-30',
      result: 'revoked',
    },
  ],
};
const reviewCorrected: Dispute = {
  id: 'd3',
  agencyId: 'a',
  stages: [
    {
      kind: 'reconsideration',
      body: '某县人民政府',
      filedOn: '2025-05-01',
      decidedOn: '2025-06-01',
      result: 'orderedToAct',
    },
  ],
};
const reviewTerminated: Dispute = {
  id: 'd4',
  agencyId: 'a',
  stages: [
    {
      kind: 'reconsideration',
      body: '某县人民政府',
      filedOn: '2025-08-01',
      decidedOn: '2025-08-20',
      result: 'terminated',
    },
  ],
};
const oldAndDone: Dispute = {
  id: 'd5',
  agencyId: 'a',
  stages: [
    {
      kind: 'reconsideration',
      body: '某县人民政府',
      filedOn: '2023-08-01',
      decidedOn: '2023-09-20',
      result: 'varied',
    },
  ],
};

void test('a reconsideration followed by a lawsuit counts in 复议 and in 复议后起诉', () => {
  const t = tabulateTable4([reviewThenSuit], 2025);
  assert.equal(cell(t, 'review.upheld'), 1);
  assert.equal(cell(t, 'review.total'), 1);
  assert.equal(cell(t, 'afterReview.pending'), 1);
  assert.equal(cell(t, 'afterReview.total'), 1);
  assert.equal(cell(t, 'direct.total'), 0);
});

void test('a table of disputes: result columns, appeals, and what a year counts', () => {
  const all = [reviewThenSuit, directWithAppeal, reviewCorrected, reviewTerminated, oldAndDone];
  const t = tabulateTable4(all, 2025);
  assert.deepEqual(ids(t, 'review.upheld'), ['d1']);
  assert.deepEqual(ids(t, 'review.corrected'), ['d3']);
  assert.deepEqual(ids(t, 'review.other'), ['d4']);
  assert.equal(cell(t, 'review.total'), 3); // d5 ended in 2023
  // The appeal's result is the litigation's final result.
  assert.deepEqual(ids(t, 'direct.corrected'), ['d2']);
  assert.equal(cell(t, 'direct.upheld'), 0);
  // 2024: the direct suit was pending on 31 December.
  const before = tabulateTable4(all, 2024);
  assert.deepEqual(ids(before, 'direct.pending'), ['d2']);
  assert.equal(cell(before, 'review.total'), 0);
  // Counting only what was filed in the year drops the 2024 suit from 2025.
  const filed = tabulateTable4(all, 2025, { counting: 'filedInYear' });
  assert.equal(cell(filed, 'direct.total'), 0);
  assert.equal(cell(filed, 'review.total'), 3);
});

void test('the result mapping is configurable and flags unconfirmed choices', () => {
  assert.equal(DEFAULT_RESULT_COLUMNS.reconsideration.rejected.confirmed, false);
  assert.equal(DEFAULT_RESULT_COLUMNS.litigation.suitRejected.column, 'other');
  const rejected: Dispute = {
    id: 'd6',
    agencyId: 'a',
    stages: [
      {
        kind: 'lawsuit',
        body: '某县人民法院',
        filedOn: '2025-01-01',
        decidedOn: '2025-02-01',
        result: 'suitRejected',
      },
    ],
  };
  assert.equal(cell(tabulateTable4([rejected], 2025), 'direct.other'), 1);
  const strict = resultColumns({ litigation: { suitRejected: { column: 'upheld', confirmed: false } } });
  assert.equal(cell(tabulateTable4([rejected], 2025, { columns: strict }), 'direct.upheld'), 1);
  // Every detailed result has a column.
  for (const r of Object.keys(RECONSIDERATION_RESULTS))
    assert.ok(r in DEFAULT_RESULT_COLUMNS.reconsideration);
  for (const r of Object.keys(LITIGATION_RESULTS)) assert.ok(r in DEFAULT_RESULT_COLUMNS.litigation);
});

void test('disputeProblems rejects badly ordered or incomplete stages', () => {
  assert.deepEqual(disputeProblems(reviewThenSuit), []);
  assert.deepEqual(disputeProblems(directWithAppeal), []);
  const appealFirst: Dispute = { id: 'x', agencyId: 'a', stages: [directWithAppeal.stages[1]!] };
  assert.equal(disputeProblems(appealFirst).length, 1);
  const suitBeforeDecision: Dispute = {
    id: 'y',
    agencyId: 'a',
    stages: [
      { kind: 'reconsideration', body: '某县人民政府', filedOn: '2025-02-01' },
      { kind: 'lawsuit', body: '某县人民法院', filedOn: '2025-03-01' },
    ],
  };
  assert.match(disputeProblems(suitBeforeDecision).join(), /上一阶段作出决定后/);
  const resultWithoutDate: Dispute = {
    id: 'z',
    agencyId: 'a',
    stages: [{ kind: 'reconsideration', body: '', filedOn: '2025-02-01', result: 'upheld' }],
  };
  assert.equal(disputeProblems(resultWithoutDate).length, 2);
  assert.equal(disputeProblems({ id: 'e', agencyId: 'a', stages: [] }).length, 1);
});
