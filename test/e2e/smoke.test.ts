import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPassword } from '../../src/demo/demo-agencies.js';
import { seriousViolations } from '../support/browser.js';
import { demoPlatform } from '../support/e2e.js';

const platform = demoPlatform();

test('the demo township portal loads and passes axe, in normal and elder mode', async () => {
  const page = await (await platform.browser.newContext()).newPage();
  await page.goto(`${platform.base}/zhongxing/`);
  assert.equal(await page.locator('h1').textContent(), '固镇县仲兴乡人民政府');
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('link', { name: '政府信息公开指南' }).click();
  assert.match((await page.locator('h1').textContent()) ?? '', /政府信息公开指南/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('link', { name: '长者模式' }).click();
  assert.equal(await page.locator('body').getAttribute('class'), 'elder');
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});

test('an admin logs in, sees the agencies in scope, and the login page passes axe', async () => {
  const page = await (await platform.browser.newContext()).newPage();
  await page.goto(`${platform.base}/admin/`);
  assert.match(page.url(), /\/admin\/login/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByLabel('用户名', { exact: true }).fill('zx-admin');
  await page.getByLabel('密码', { exact: true }).fill('wrong');
  await page.getByRole('button', { name: '登录' }).click();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /用户名或密码不正确/);
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${platform.base}/admin/`);
  assert.match((await page.locator('main').textContent()) ?? '', /固镇县仲兴乡人民政府/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});
