import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks } from './checks/run-checks.js';
import { computeReport } from './compute-report.js';
import { ZHONGXING, zhongxing2020Sources } from './demo/zhongxing-2020.js';
import {
  casesTable3Source,
  enteredTable3Source,
  memoryArticle20Source,
  memoryDisputeRegister,
} from './memory-sources.js';
import type { AgencyRef } from './model/types.js';
import { reportToJson } from './report-json.js';
import type { RequestCase } from './table3.js';

const agency: AgencyRef = { id: 'a1', name: '某县某乡人民政府', level: 'township' };
const none = { article20: memoryArticle20Source([]), disputes: memoryDisputeRegister([]) };

void test('computeReport: table 三 from cases, with totals derived and provenance per cell', async () => {
  const cases: (RequestCase & { agencyId: string })[] = [
    {
      agencyId: 'a1',
      id: 'c1',
      applicant: 'natural',
      receivedOn: '2025-02-01',
      outcome: { code: 'disclosed', on: '2025-02-10' },
    },
    {
      agencyId: 'a1',
      id: 'c2',
      applicant: 'legalService',
      receivedOn: '2025-03-01',
      outcome: { code: 'withheldThirdParty', on: '2025-03-28' },
    },
    { agencyId: 'a1', id: 'c3', applicant: 'natural', receivedOn: '2025-12-30' },
    { agencyId: 'other', id: 'c4', applicant: 'natural', receivedOn: '2025-02-01' },
  ];
  const report = await computeReport(agency, 2025, { ...none, table3: casesTable3Source(cases) });
  assert.equal(report.format, '2021');
  const t3 = report.tables.t3;
  assert.equal(t3['t3.r1:total'], 3);
  assert.equal(t3['t3.r3.7:natural'], 1);
  assert.equal(t3['t3.r3.7:total'], 2);
  assert.equal(t3['t3.r4:total'], 1);
  assert.deepEqual(report.provenance!['t3.r3.7:total'], { kind: 'cases', caseIds: ['c1', 'c2'] });
  for (const [id, value] of Object.entries(t3)) {
    const p = report.provenance![id]!;
    assert.ok(p.kind === 'cases' && p.caseIds.length === value, id);
  }
  // Table 二 not entered: blank, and the completeness rule says so.
  assert.equal(report.tables.t2['t2.r6.penalty:decisions'], null);
  assert.equal(runChecks(report).find((r) => r.ruleId === 'cells.complete')!.status, 'failed');
});

void test('computeReport keeps entered totals so that a bad entry is caught, not repaired', async () => {
  const table3 = enteredTable3Source([
    { agencyId: 'a1', year: 2021, source: '2021年年报录入', cells: { 't3.r1:natural': 2, 't3.r1:total': 3 } },
  ]);
  const report = await computeReport(agency, 2021, { ...none, table3 });
  assert.equal(report.tables.t3['t3.r1:total'], 3);
  assert.deepEqual(report.provenance!['t3.r1:natural'], { kind: 'entered', source: '2021年年报录入' });
  assert.equal(runChecks(report).find((r) => r.ruleId === 't3.total-column')!.status, 'failed');
});

void test('computeReport refuses a table 二 entry for a row of the other format', async () => {
  const article20 = memoryArticle20Source([
    {
      agencyId: 'a1',
      year: 2025,
      entries: [{ rowId: 't2.r9.procurement', values: { items: 3 }, source: 'x' }],
    },
  ]);
  await assert.rejects(computeReport(agency, 2025, { ...none, article20, table3: casesTable3Source([]) }), {
    code: 'report.unknown_cell',
  });
});

// The seed report's figures, copied from test/fixtures/audit/2020-zhongxing-township-annual-report.txt.
const SEED_TABLE2: Record<string, (number | null)[]> = {
  't2.r1.rule': [0, 0, 0],
  't2.r1.normative': [0, 0, 0],
  't2.r5.licensing': [1, 0, 0],
  't2.r5.otherServices': [473, 0, 412],
  't2.r6.penalty': [4, 0, 0],
  't2.r6.coercion': [6, 0, 0],
  't2.r8.fee': [0, 0],
  't2.r9.procurement': [3, 63.79],
};

void test('demo: 仲兴乡 2020 computes to a complete, balanced 2019-format report with the seed’s figures', async () => {
  const report = await computeReport(ZHONGXING, 2020, zhongxing2020Sources());
  assert.equal(report.format, '2019');
  const json = reportToJson(report, runChecks(report));
  assert.equal(json.format, '2019');
  const t2 = json.tables.find((t) => t.id === 't2')!;
  for (const [rowId, values] of Object.entries(SEED_TABLE2)) {
    assert.deepEqual(t2.rows.find((r) => r.id === rowId)!.values, values, rowId);
  }
  // Every row the seed left out is there, filled with 0: （五）3–5, （六）, （七）, 四, and all of table 四.
  const t3 = json.tables.find((t) => t.id === 't3')!;
  for (const id of ['t3.r3.5.3', 't3.r3.5.4', 't3.r3.5.5', 't3.r3.6', 't3.r3.7', 't3.r4']) {
    assert.deepEqual(t3.rows.find((r) => r.id === id)!.values, [0, 0, 0, 0, 0, 0, 0], id);
  }
  assert.deepEqual(json.tables.find((t) => t.id === 't4')!.rows[0]!.values, new Array(15).fill(0));
  const failed = json.checks.filter((c) => c.status === 'failed');
  assert.deepEqual(failed, []);
  assert.ok(json.checks.some((c) => c.ruleId === 't3.balance' && c.status === 'passed'));
});

void test('reportToJson: rows in form order with exact labels, blank cells null, checks with status and values', async () => {
  const report = await computeReport(agency, 2025, { ...none, table3: casesTable3Source([]) });
  const json = reportToJson(report, [
    {
      ruleId: 't3.balance',
      severity: 'error',
      cells: ['t3.r1:natural'],
      expected: 1,
      actual: 0,
      message: '示例',
    },
    {
      ruleId: 'audit.late',
      severity: 'warning',
      cells: [],
      expected: '2026-01-31',
      actual: '2026-02-10',
      message: '逾期发布',
    },
  ]);
  const text = JSON.stringify(json);
  assert.deepEqual(JSON.parse(text), json);
  const t3 = json.tables.find((t) => t.id === 't3')!;
  assert.deepEqual(
    t3.columns!.map((c) => c.label),
    ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
  );
  assert.equal(t3.rows.find((r) => r.id === 't3.r3.3.3')!.label, '3.危及“三安全一稳定”');
  assert.deepEqual(t3.rows.find((r) => r.id === 't3.r3.3')!.values, []);
  const fee = json.tables[0]!.rows.find((r) => r.id === 't2.r8.fee')!;
  assert.deepEqual(fee.values, [null]);
  assert.equal(fee.columns![0]!.label, '本年收费金额（单位：万元）');
  assert.equal(json.tables[2]!.columns!.length, 15);
  const balance = json.checks.find((c) => c.ruleId === 't3.balance')!;
  assert.equal(balance.status, 'failed');
  assert.deepEqual(balance.findings[0], {
    cells: ['t3.r1:natural'],
    expected: 1,
    actual: 0,
    message: '示例',
  });
  assert.equal(json.checks.find((c) => c.ruleId === 't3.total-column')!.status, 'passed');
  assert.equal(json.checks.at(-1)!.ruleId, 'audit.late');
});
