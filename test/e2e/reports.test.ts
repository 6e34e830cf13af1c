import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, signIn, textOf } from '../support/pages.js';

const platform = demoPlatform();

test('report screens pass axe; a cell link leads to its provenance; a bad import shows row errors', async () => {
  const { base, ctx } = platform;
  const zx = (await agenciesStore.byName(ctx.db, '固镇县仲兴乡人民政府'))[0]!.id;
  const page = await signIn(platform, 'zx-admin');
  await page.getByRole('link', { name: '年度报告' }).first().click();
  await page.getByRole('link', { name: '固镇县仲兴乡人民政府2025年度' }).click();
  assert.match(await textOf(page, 'h1'), /2025年政府信息公开工作年度报告/);
  await assertAccessible(page);
  // The entry grids share their markup patterns with these pages; axe on each grid costs seconds.
  await page.goto(`${base}/admin/reports/${zx}/2025/register`);
  await assertAccessible(page);
  await page.goto(`${base}/admin/reports/${zx}/2025/article20`);
  await page.setInputFiles('#f-file', {
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('行编号,项目,列编号,指标,数值,数据来源\nt2.r6.penalty,,decisions,,x,平台\n'),
  });
  await page.getByRole('button', { name: '导入' }).click();
  assert.match(await textOf(page, '.error-summary'), /第2行/);
  await assertAccessible(page);
  await page.goto(`${base}/admin/reports/${zx}/2025`);
  await page.locator(`a[href$="/cells/${encodeURIComponent('t4.r1:review.total')}"]`).click();
  assert.match(await textOf(page), /行政复议、行政诉讼登记（共 1 件）/);
  await page.close();
});
