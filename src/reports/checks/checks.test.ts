import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMATS, blankCells } from '../model/formats.js';
import type { AgencyLevel, AnnualReport, FormatVersion } from '../model/types.js';
import type { CheckContext } from './finding.js';
import { RULES, runChecks } from './run-checks.js';

/** A report of the given format with every cell 0: balanced and complete. */
function zeros(
  format: FormatVersion,
  year = format === '2021' ? 2025 : 2020,
  level: AgencyLevel = 'township',
): AnnualReport {
  const f = FORMATS[format];
  const fill = (t: 't2' | 't3' | 't4') =>
    Object.fromEntries(Object.keys(blankCells(f.tables[t])).map((id) => [id, 0]));
  return {
    format,
    year,
    agency: { id: 'a', name: '某乡人民政府', level },
    tables: { t2: fill('t2'), t3: fill('t3'), t4: fill('t4') },
  };
}

function set(report: AnnualReport, values: Record<string, number | null>): AnnualReport {
  const copy = structuredClone(report);
  for (const [id, v] of Object.entries(values)) copy.tables[id.slice(0, 2) as 't2'][id] = v;
  return copy;
}

function result(report: AnnualReport, ruleId: string, context: CheckContext = {}) {
  const r = runChecks(report, context).find((x) => x.ruleId === ruleId);
  assert.ok(r, `rule ${ruleId} did not run`);
  return r;
}

void test('a complete all-zero report passes every rule in both formats', () => {
  for (const f of ['2019', '2021'] as const) {
    const failed = runChecks(zeros(f)).filter((r) => r.status === 'failed');
    assert.deepEqual(failed, []);
  }
});

void test('t3.balance: 一 + 二 must equal 三（七） + 四 per column', () => {
  for (const f of ['2019', '2021'] as const) {
    const ok = set(zeros(f), {
      't3.r1:natural': 3,
      't3.r2:natural': 1,
      't3.r3.1:natural': 2,
      't3.r3.7:natural': 2,
      't3.r4:natural': 2,
    });
    assert.equal(result(ok, 't3.balance').status, 'passed');
    const bad = set(ok, { 't3.r4:natural': 1 });
    const r = result(bad, 't3.balance');
    assert.equal(r.status, 'failed');
    assert.equal(r.findings.length, 1);
    const finding = r.findings[0]!;
    assert.equal(finding.severity, 'error');
    assert.equal(finding.expected, 4);
    assert.equal(finding.actual, 3);
    assert.deepEqual(finding.cells, ['t3.r1:natural', 't3.r2:natural', 't3.r3.7:natural', 't3.r4:natural']);
    assert.match(finding.message, /自然人/);
  }
});

void test('t3.total-column: 总计 = six applicant columns', () => {
  const ok = set(zeros('2021'), { 't3.r1:natural': 2, 't3.r1:research': 1, 't3.r1:total': 3 });
  assert.equal(result(ok, 't3.total-column').status, 'passed');
  const bad = set(ok, { 't3.r1:total': 2 });
  const r = result(bad, 't3.total-column');
  assert.equal(r.status, 'failed');
  assert.deepEqual([r.findings[0]!.expected, r.findings[0]!.actual], [3, 2]);
  assert.equal(r.findings[0]!.cells[0], 't3.r1:total');
});

void test('t3.outcome-total: （七） = every outcome row, including 2021’s （六）1–3 and 2019’s single （六）', () => {
  const ok21 = set(zeros('2021'), { 't3.r3.6.2:other': 1, 't3.r3.5.5:other': 1, 't3.r3.7:other': 2 });
  assert.equal(result(ok21, 't3.outcome-total').status, 'passed');
  assert.equal(result(set(ok21, { 't3.r3.6.2:other': 0 }), 't3.outcome-total').status, 'failed');
  const ok19 = set(zeros('2019'), { 't3.r3.6:other': 1, 't3.r3.7:other': 1 });
  assert.equal(result(ok19, 't3.outcome-total').status, 'passed');
  const bad19 = set(ok19, { 't3.r3.7:other': 0 });
  assert.deepEqual(result(bad19, 't3.outcome-total').findings[0]!.expected, 1);
});

void test('t4.group-total: each group’s 总计 = 维持 + 纠正 + 其他 + 尚未审结', () => {
  const ok = set(zeros('2021'), { 't4.r1:afterReview.pending': 1, 't4.r1:afterReview.total': 1 });
  assert.equal(result(ok, 't4.group-total').status, 'passed');
  const bad = set(ok, { 't4.r1:review.corrected': 2 });
  const r = result(bad, 't4.group-total');
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0]!.cells[0], 't4.r1:review.total');
  assert.match(r.findings[0]!.message, /行政复议/);
});

void test('cells.non-negative: negative counts are errors, 2019 本年增/减 may be negative', () => {
  const old = set(zeros('2019'), { 't2.r5.licensing:change': -8 });
  assert.equal(result(old, 'cells.non-negative').status, 'passed');
  const bad = set(zeros('2021'), { 't2.r6.penalty:decisions': -1 });
  const r = result(bad, 'cells.non-negative');
  assert.equal(r.status, 'failed');
  assert.deepEqual(r.findings[0]!.cells, ['t2.r6.penalty:decisions']);
});

void test('cells.complete: a blank row is an error (the seed’s missing rows)', () => {
  const bad = set(
    zeros('2019'),
    Object.fromEntries(FORMATS['2019'].tables.t3.rows[22]!.columns.map((c) => [`t3.r3.7:${c.id}`, null])),
  );
  const r = result(bad, 'cells.complete');
  assert.equal(r.status, 'failed');
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0]!.cells.length, 7);
  assert.match(r.findings[0]!.message, /（七）总计/);
  assert.equal(result(zeros('2019'), 'cells.complete').status, 'passed');
});

void test('cells.integer: fractional counts warn; 万元 amounts may have decimals', () => {
  const ok = set(zeros('2021'), { 't2.r8.fee:amount': 12.35 });
  assert.equal(result(ok, 'cells.integer').status, 'passed');
  const r = result(set(ok, { 't2.r5.licensing:decisions': 2.5 }), 'cells.integer');
  assert.equal(r.status, 'failed');
  assert.equal(r.findings[0]!.severity, 'warning');
});

void test('t3.carry-over: 二 this year should equal last year’s 四; skipped without last year', () => {
  const previous = set(zeros('2021', 2024), { 't3.r4:natural': 2, 't3.r4:total': 2 });
  const ok = set(zeros('2021', 2025), {
    't3.r2:natural': 2,
    't3.r2:total': 2,
    't3.r3.1:natural': 2,
    't3.r3.1:total': 2,
    't3.r3.7:natural': 2,
    't3.r3.7:total': 2,
  });
  assert.equal(result(ok, 't3.carry-over', { previous }).status, 'passed');
  assert.equal(result(ok, 't3.carry-over').status, 'skipped');
  const r = result(zeros('2021', 2025), 't3.carry-over', { previous });
  assert.equal(r.status, 'failed');
  assert.deepEqual(
    r.findings.map((f) => [f.cells[0], f.expected, f.actual, f.severity]),
    [
      ['t3.r2:natural', 2, 0, 'warning'],
      ['t3.r2:total', 2, 0, 'warning'],
    ],
  );
});

void test('t2.continuity: documents in force (2021) and item counts (2019) follow last year', () => {
  const prev21 = set(zeros('2021', 2024), { 't2.r1.normative:inForce': 5 });
  const ok21 = set(zeros('2021', 2025), {
    't2.r1.normative:issued': 2,
    't2.r1.normative:repealed': 1,
    't2.r1.normative:inForce': 6,
  });
  assert.equal(result(ok21, 't2.continuity', { previous: prev21 }).status, 'passed');
  const bad21 = result(set(ok21, { 't2.r1.normative:inForce': 9 }), 't2.continuity', { previous: prev21 });
  assert.deepEqual([bad21.findings[0]!.expected, bad21.findings[0]!.actual], [6, 9]);

  const prev19 = set(zeros('2019', 2019), {
    't2.r5.otherServices:previous': 480,
    't2.r5.otherServices:change': -7,
  });
  const ok19 = set(zeros('2019', 2020), { 't2.r5.otherServices:previous': 473 });
  assert.equal(result(ok19, 't2.continuity', { previous: prev19 }).status, 'passed');
  assert.equal(
    result(set(ok19, { 't2.r5.otherServices:previous': 470 }), 't2.continuity', { previous: prev19 }).status,
    'failed',
  );
  // Across the format change there is nothing to compare.
  assert.equal(
    result(zeros('2021', 2021), 't2.continuity', { previous: zeros('2019', 2020) }).status,
    'skipped',
  );
});

void test('t2.rule-making-power: 规章 > 0 warns unless the agency may make rules', () => {
  const report = set(zeros('2021'), { 't2.r1.rule:issued': 1, 't2.r1.rule:inForce': 1 });
  const r = result(report, 't2.rule-making-power');
  assert.equal(r.status, 'failed');
  assert.equal(r.findings.length, 2);
  assert.equal(r.findings[0]!.severity, 'warning');
  assert.equal(
    result(report, 't2.rule-making-power', { agencyLevel: 'prefectural-government' }).status,
    'passed',
  );
  assert.equal(result(report, 't2.rule-making-power', { agencyLevel: 'county-government' }).status, 'failed');
  assert.equal(result(zeros('2019'), 't2.rule-making-power').status, 'passed');
});

void test('t2.fee-unit: a fee amount that looks like 元 warns (2021 only)', () => {
  const ok = set(zeros('2021'), { 't2.r8.fee:amount': 3.5 });
  assert.equal(result(ok, 't2.fee-unit').status, 'passed');
  const r = result(set(ok, { 't2.r8.fee:amount': 35000 }), 't2.fee-unit');
  assert.equal(r.status, 'failed');
  assert.match(r.findings[0]!.message, /万元/);
  assert.equal(
    result(set(ok, { 't2.r8.fee:amount': 35000 }), 't2.fee-unit', { agencyLevel: 'provincial-department' })
      .status,
    'passed',
  );
  assert.equal(
    runChecks(zeros('2019')).some((x) => x.ruleId === 't2.fee-unit'),
    false,
  );
});

void test('rules never throw, even on a report with every cell blank or garbage', () => {
  const blank = zeros('2021');
  for (const t of ['t2', 't3', 't4'] as const)
    for (const id of Object.keys(blank.tables[t])) blank.tables[t][id] = null;
  const results = runChecks(blank, { previous: zeros('2021', 2024) });
  assert.equal(results.length, RULES.length);
  assert.equal(results.find((r) => r.ruleId === 'cells.complete')!.status, 'failed');
  assert.equal(results.find((r) => r.ruleId === 't3.balance')!.status, 'passed');
  const nan = set(zeros('2021'), { 't3.r1:natural': Number.NaN });
  assert.doesNotThrow(() => runChecks(nan));
});
