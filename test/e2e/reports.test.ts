import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { agenciesStore } from '../../src/agencies/agencies.store.js';
import { demoPassword } from '../../src/demo/demo-agencies.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { freshDatabase } from '../support/db.js';
import { demoApp } from '../support/http.js';
import { launchChromium, listen, seriousViolations } from '../support/browser.js';

let handle: DatabaseHandle;
let app: FastifyInstance;
let base: string;
let browser: Browser;
let zx: string;

before(async () => {
  handle = await freshDatabase('sqlite');
  let ctx;
  ({ app, ctx } = await demoApp(handle));
  zx = (await agenciesStore.byName(ctx.db, '固镇县仲兴乡人民政府'))[0]!.id;
  base = await listen(app);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await handle?.close();
});

async function login(page: Page, username: string) {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/admin/`);
}

test('report screens pass axe; a cell link leads to its provenance; a bad import shows row errors', async () => {
  const page = await (await browser.newContext()).newPage();
  await login(page, 'zx-admin');
  await page.getByRole('link', { name: '年度报告' }).first().click();
  await page.getByRole('link', { name: '固镇县仲兴乡人民政府2025年度' }).click();
  assert.match((await page.locator('h1').textContent()) ?? '', /2025年政府信息公开工作年度报告/);
  assert.deepEqual(await seriousViolations(page), []);
  // The entry grids share their markup patterns with these pages; axe on each grid costs seconds.
  await page.goto(`${base}/admin/reports/${zx}/2025/register`);
  assert.deepEqual(await seriousViolations(page), []);
  await page.goto(`${base}/admin/reports/${zx}/2025/article20`);
  await page.setInputFiles('#f-file', {
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('行编号,项目,列编号,指标,数值,数据来源\nt2.r6.penalty,,decisions,,x,平台\n'),
  });
  await page.getByRole('button', { name: '导入' }).click();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /第2行/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.goto(`${base}/admin/reports/${zx}/2025`);
  await page.locator(`a[href$="/cells/${encodeURIComponent('t4.r1:review.total')}"]`).click();
  assert.match((await page.locator('main').textContent()) ?? '', /行政复议、行政诉讼登记（共 1 件）/);
  await page.close();
});
