import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { agenciesStore } from '../../access/agencies.store.js';
import { loadDemo } from '../../demo/load-demo.js';
import { agencyReport } from '../agency-report.js';
import { cellsOf, formatOf } from '../model/formats.js';
import { ZHONGXING_2020_PROACTIVE, zhongxing2020Article20 } from './zhongxing-2020.js';

describeEachDatabase('demo report data, loaded through the use cases', ({ handle }) => {
  test('仲兴乡 2020: a complete, balanced 2019-format report with the seed figures', async () => {
    const ctx = testContext(handle());
    await loadDemo(ctx);
    const zx = (await agenciesStore.byName(ctx.db, '固镇县仲兴乡人民政府'))[0]!;
    const { report, checks } = await agencyReport(ctx, zx, 2020);
    assert.equal(report.format, '2019');
    assert.deepEqual(
      checks.filter((c) => c.status === 'failed').map((c) => c.ruleId),
      [],
    );
    for (const [id, layout] of Object.entries(formatOf('2019').tables)) {
      for (const { id: cell } of cellsOf(layout)) {
        assert.equal(typeof report.tables[id as 't2'][cell], 'number', `${cell} is blank`);
      }
    }
    for (const entry of zhongxing2020Article20()) {
      for (const [column, value] of Object.entries(entry.values)) {
        assert.equal(report.tables.t2[`${entry.rowId}:${column}`], value);
      }
    }
    assert.equal(report.tables.t3['t3.r1:total'], 0); // no applications in 2020
    assert.equal(report.tables.t4['t4.r1:review.total'], 0);
    assert.equal(ZHONGXING_2020_PROACTIVE.items, 869);
  });

  test('仲兴乡 2025: every check passes, 2024 continuity included; the register gives review then lawsuit', async () => {
    const ctx = testContext(handle());
    const zx = (await agenciesStore.byName(ctx.db, '固镇县仲兴乡人民政府'))[0]!;
    const { report, checks, previous } = await agencyReport(ctx, zx, 2025);
    assert.ok(previous);
    assert.deepEqual(
      checks.filter((c) => c.status !== 'passed').map((c) => c.ruleId),
      [],
    );
    const t4 = report.tables.t4;
    assert.deepEqual(
      [
        t4['t4.r1:review.upheld'],
        t4['t4.r1:review.total'],
        t4['t4.r1:afterReview.pending'],
        t4['t4.r1:direct.total'],
      ],
      [1, 1, 1, 0],
    );
    assert.equal(report.tables.t3['t3.r2:total'], previous.tables.t3['t3.r4:total']);
  });
});
