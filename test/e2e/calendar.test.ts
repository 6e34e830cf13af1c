import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPassword } from '../../src/demo/demo-agencies.js';
import { seriousViolations } from '../support/browser.js';
import { demoPlatform } from '../support/e2e.js';

const platform = demoPlatform();

test('the calendar admin pages, their error summary and a year page pass axe, in normal and elder mode', async () => {
  const page = await (await platform.browser.newContext()).newPage();
  await page.goto(`${platform.base}/admin/login`);
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${platform.base}/admin/`);
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
  await page.goto(`${platform.base}/mode/elder?back=${encodeURIComponent('/admin/calendar/2025')}`);
  assert.match((await page.locator('body').getAttribute('class')) ?? '', /elder/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});
