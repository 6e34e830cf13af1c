import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, setMode, signIn, textOf } from '../support/pages.js';

const platform = demoPlatform();

test('the calendar admin pages, their error summary and a year page pass axe, in normal and elder mode', async () => {
  const page = await signIn(platform, 'admin');
  await page.getByRole('link', { name: '工作日历' }).click();
  assert.equal(await page.locator('h1').textContent(), '工作日历');
  await assertAccessible(page);
  await page.getByLabel('放假安排（JSON）').fill('{ not json');
  await page.getByRole('button', { name: '保存' }).click();
  assert.match(await textOf(page, '.error-summary'), /不是有效的 JSON/);
  await assertAccessible(page);
  await page.getByRole('link', { name: '2025年' }).click();
  assert.equal(await page.locator('h1').textContent(), '2025年工作日历');
  await assertAccessible(page);
  // The admin shell has no switch of its own; the portal's mode cookie applies.
  await setMode(platform, page, 'elder', '/admin/calendar/2025');
  assert.match((await page.locator('body').getAttribute('class')) ?? '', /elder/);
  await assertAccessible(page);
  await page.close();
});
