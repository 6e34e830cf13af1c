import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPassword } from '../../src/demo/demo-agencies.js';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, newPage, switchToElderMode, textOf } from '../support/pages.js';

const platform = demoPlatform();

test('the demo township portal loads and passes axe, in normal and elder mode', async () => {
  const page = await newPage(platform);
  await page.goto(`${platform.base}/zhongxing/`);
  assert.equal(await page.locator('h1').textContent(), '固镇县仲兴乡人民政府');
  await assertAccessible(page);
  await page.getByRole('link', { name: '政府信息公开指南' }).click();
  assert.match(await textOf(page, 'h1'), /政府信息公开指南/);
  await assertAccessible(page);
  await switchToElderMode(page);
  await assertAccessible(page);
  await page.close();
});

test('an admin logs in, sees the agencies in scope, and the login page passes axe', async () => {
  const page = await newPage(platform);
  await page.goto(`${platform.base}/admin/`);
  assert.match(page.url(), /\/admin\/login/);
  await assertAccessible(page);
  await page.getByLabel('用户名', { exact: true }).fill('zx-admin');
  await page.getByLabel('密码', { exact: true }).fill('wrong');
  await page.getByRole('button', { name: '登录' }).click();
  assert.match(await textOf(page, '.error-summary'), /用户名或密码不正确/);
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${platform.base}/admin/`);
  assert.match(await textOf(page), /固镇县仲兴乡人民政府/);
  await assertAccessible(page);
  await page.close();
});
