import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { demoPassword } from '../../src/demo/demo-agencies.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { freshDatabase } from '../support/db.js';
import { demoApp } from '../support/http.js';
import { launchChromium, listen, seriousViolations } from '../support/browser.js';

let handle: DatabaseHandle;
let app: FastifyInstance;
let base: string;
let browser: Browser;

before(async () => {
  handle = await freshDatabase('sqlite');
  ({ app } = await demoApp(handle));
  base = await listen(app);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await handle?.close();
});

test('the calendar admin pages, their error summary and a year page pass axe, in normal and elder mode', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/admin/`);
  await page.getByRole('link', { name: '工作日历' }).click();
  assert.equal(await page.locator('h1').textContent(), '工作日历');
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByLabel('放假安排（JSON）').fill('{ not json');
  await page.getByRole('button', { name: '保存' }).click();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /不是有效的 JSON/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('link', { name: '2025年' }).click();
  assert.equal(await page.locator('h1').textContent(), '2025年工作日历');
  assert.deepEqual(await seriousViolations(page), []);
  // The admin shell has no switch of its own; the portal's mode cookie applies.
  await page.goto(`${base}/mode/elder?back=${encodeURIComponent('/admin/calendar/2025')}`);
  assert.match((await page.locator('body').getAttribute('class')) ?? '', /elder/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});
