/**
 * Chromium: the always-open rating and 征集调查 public pages (with their error summaries) pass axe in normal and
 * elder mode; a rating and an opinion are submitted through the real forms; the admin trend page passes axe.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { catalogStore } from '../../src/catalog/catalog.store.js';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, newPage, setMode, signIn, textOf } from '../support/pages.js';

const platform = demoPlatform();

async function bothModes(page: Page, path: string) {
  await page.goto(`${platform.base}${path}`);
  await assertAccessible(page, `${path} (normal)`);
  await setMode(platform, page, 'elder', path);
  assert.match((await page.locator('body').getAttribute('class')) ?? '', /elder/);
  await assertAccessible(page, `${path} (elder)`);
  await setMode(platform, page, 'normal', path);
}

test('a member of the public rates the disclosure and gives an opinion on a draft; the pages pass axe', async () => {
  const person = await newPage(platform);
  await person.goto(`${platform.base}/zhongxing/`);
  await person.getByRole('link', { name: '社会评议' }).first().click();
  assert.match(await textOf(person, 'h1'), /社会评议/);
  await person.getByRole('button', { name: '提交评价' }).click();
  assert.match(await textOf(person, '.error-summary'), /请为“公开信息真实准确”评分/);
  await assertAccessible(person);
  for (const legend of ['公开信息真实准确', '公开信息及时', '公开程序合规', '公开制度落实'])
    await person.getByRole('group', { name: legend }).getByLabel('4 分 满意').check();
  await person.getByLabel('意见建议（可选）').fill('希望增加办事指南的图解。');
  await person.getByRole('button', { name: '提交评价' }).click();
  assert.match(await textOf(person, '[role=status]'), /评分已计入统计/);
  await bothModes(person, '/zhongxing/pingyi/');

  const zhongxing = await platform.ctx.db
    .selectFrom('agencies')
    .select('id')
    .where('path_segment', '=', 'zhongxing')
    .executeTakeFirstOrThrow();
  const [item] = await catalogStore.published(platform.ctx.db, { agencyId: zhongxing.id, limit: 1 });
  await person.goto(`${platform.base}/zhongxing/xxgk/items/${item!.id}`);
  await person.getByRole('link', { name: '评价这条信息' }).click();
  await person.getByRole('button', { name: '提交评价' }).click();
  assert.match(await textOf(person, '.error-summary'), /请选择这条信息对您是否有用/);
  await assertAccessible(person);
  await bothModes(person, `/zhongxing/pingyi/items/${item!.id}`);

  await person.goto(`${platform.base}/zhongxing/`);
  await person.getByRole('link', { name: '征集调查' }).first().click();
  assert.match(await textOf(person), /已公布反馈/);
  await bothModes(person, '/zhongxing/zjdc/');
  await person.getByRole('link', { name: /公益性岗位管理办法/ }).click();
  const open = new URL(person.url()).pathname;
  await person.getByRole('button', { name: '提交意见' }).click();
  assert.match(await textOf(person, '.error-summary'), /请填写您的意见建议/);
  await assertAccessible(person);
  await person.getByLabel('意见建议', { exact: true }).fill('建议岗位补贴按月足额发放。');
  await person.getByRole('button', { name: '提交意见' }).click();
  assert.match(await textOf(person, '[role=status]'), /您的意见已收到/);
  await bothModes(person, open);
  await person.goto(`${platform.base}/zhongxing/zjdc/`);
  await person.getByRole('link', { name: /人居环境整治/ }).click();
  assert.match(await textOf(person), /意见采纳情况[\s\S]*部分采纳/);
  await bothModes(person, new URL(person.url()).pathname);
  await person.close();
});

test('the admin trend page and the consultation pages pass axe', async () => {
  const page = await signIn(platform, 'zx-head');
  await page.getByRole('link', { name: '公众评价' }).click();
  assert.equal(await page.locator('svg.trend-chart').count(), 1);
  await assertAccessible(page);
  await page.getByRole('link', { name: '征集调查' }).click();
  await page.getByRole('button', { name: '发布' }).click();
  assert.match(await textOf(page, '.error-summary'), /请填写征集标题/);
  await assertAccessible(page);
  await page.getByRole('link', { name: /人居环境整治/ }).click();
  await assertAccessible(page);
  await page.close();
});
