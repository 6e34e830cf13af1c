import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runChecks } from '../reports/checks/run-checks.js';
import { computeReport } from '../reports/compute-report.js';
import { demo2025Sources } from '../reports/demo/demo-2025.js';
import { ZHONGXING } from '../reports/demo/zhongxing-2020.js';
import { versionDifferences } from './differences.js';
import { emptyNarrative } from './narrative.js';
import { makeSnapshot, parseSnapshot } from './snapshot.js';

it('names the changed narrative part and the changed cell with its labels and both values', async () => {
  const report = await computeReport(ZHONGXING, 2025, demo2025Sources());
  const v1 = parseSnapshot(makeSnapshot(report, runChecks(report), emptyNarrative()).text);
  const corrected = {
    ...report,
    tables: { ...report.tables, t2: { ...report.tables.t2, 't2.r6.penalty:decisions': 5 } },
  };
  const v2 = parseSnapshot(
    makeSnapshot(corrected, runChecks(corrected), { ...emptyNarrative(), 's6.other': '更正。' }).text,
  );
  const d = versionDifferences(v1, v2);
  assert.deepEqual(d.parts, ['六（二）其他事项']);
  assert.deepEqual(d.cells, [
    {
      table: '二、主动公开政府信息情况',
      row: '行政处罚',
      column: '本年处理决定数量',
      before: report.tables.t2['t2.r6.penalty:decisions'],
      after: 5,
    },
  ]);
  assert.deepEqual(versionDifferences(v1, v1), { parts: [], cells: [] });
});
