import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks } from '../checks/run-checks.js';
import { computeReport } from '../compute-report.js';
import { demo2025Sources } from './demo-2025.js';
import { ZHONGXING } from './zhongxing-2020.js';

void test('demo 2025: a 2021-format report with every outcome, carry-overs and a review then lawsuit, passing every check', async () => {
  const sources = demo2025Sources();
  const previous = await computeReport(ZHONGXING, 2024, sources);
  const report = await computeReport(ZHONGXING, 2025, sources);
  assert.equal(report.format, '2021');
  const t3 = report.tables.t3;
  assert.equal(t3['t3.r1:total'], 26); // 24 outcomes + 2 received in December
  assert.equal(t3['t3.r2:total'], 2);
  assert.equal(t3['t3.r3.7:total'], 26);
  assert.equal(t3['t3.r4:total'], 2);
  for (const id of Object.keys(t3).filter((k) => /^t3\.r3\.[1-6](\.\d)?:total$/.test(k))) {
    assert.ok((t3[id] ?? 0) > 0, `${id} should be reached by the demo`);
  }
  const t4 = report.tables.t4;
  assert.deepEqual(
    [t4['t4.r1:review.upheld'], t4['t4.r1:afterReview.pending'], t4['t4.r1:direct.total']],
    [1, 1, 0],
  );
  const results = runChecks(report, { previous });
  assert.deepEqual(
    results.filter((r) => r.status !== 'passed').map((r) => r.ruleId),
    [],
  );
});
