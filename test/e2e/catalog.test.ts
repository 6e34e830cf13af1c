/**
 * Issue 6 "Done when", in Chromium: an editor drafts an item with an attachment, the reviewer sees the
 * personal-data warning, removes the attachment and publishes; the item is in its column, the feed and
 * search; a normative document cannot be published without its interpretation; repeal stamps the original
 * page; axe passes on home, column, item, search, guide, registry and standard-catalog pages in normal and elder mode;
 * a document from before the platform is entered in the register and listed on the portal.
 */
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { legalToday } from '../../src/calendar/legal-day.js';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, newPage, setMode, signIn, textOf } from '../support/pages.js';

const platform = demoPlatform();

async function selectOptionContaining(page: Page, selector: string, text: string) {
  const value = await page
    .locator(`${selector} option`)
    .filter({ hasText: text })
    .first()
    .getAttribute('value');
  await page.locator(selector).selectOption(value);
}

const TITLE = '仲兴乡2026年春季农村危房改造对象公示';

test('editor drafts with an attachment, reviewer removes personal data and publishes; it shows everywhere', async () => {
  const { base } = platform;
  const file = join(mkdtempSync(join(tmpdir(), 'gk-e2e-')), '危房改造名单.txt');
  writeFileSync(file, '户主 王五 身份证号 11010519491231002X 房屋等级 D 级\n');

  const editor = await signIn(platform, 'zx-editor');
  await editor.getByRole('link', { name: '主动公开' }).click();
  await editor
    .getByRole('link', { name: /新建信息/ })
    .first()
    .click();
  await selectOptionContaining(editor, '#f-columnId', '贯彻落实农业农村政策');
  await editor.getByLabel('标题（信息名称）').fill(TITLE);
  await editor.getByLabel('内容概述').fill('公示2026年春季农村危房改造对象名单');
  await editor.getByLabel('成文日期').fill('2026-02-27');
  await editor.getByLabel('文号').fill('仲政〔2026〕5号');
  await editor.getByLabel('正文').fill('<p>经农户申请、村级评议、乡级审核，现将改造对象予以公示。</p>');
  await editor.getByLabel('附件（可选）').setInputFiles(file);
  await editor.getByRole('button', { name: '保存草稿' }).click();
  await editor.waitForURL(/\/admin\/catalog\/items\//);
  const itemUrl = editor.url();
  await editor.getByRole('button', { name: '送审' }).click();
  assert.match(await textOf(editor, 'dl.meta'), /待审核/);
  assert.equal(await editor.getByRole('button', { name: /发布/ }).count(), 0);

  const reviewer = await signIn(platform, 'zx-reviewer');
  await reviewer.goto(itemUrl);
  const review = reviewer.locator('section', { has: reviewer.getByRole('heading', { name: /审核发布/ }) });
  assert.match(
    (await review.textContent()) ?? '',
    /附件“危房改造名单.txt”中发现 1 处疑似个人信息（身份证号 110105\*+002X）/,
  );
  await reviewer.getByRole('button', { name: '删除附件“危房改造名单.txt”' }).click();
  assert.match((await review.textContent()) ?? '', /发布前检查未发现问题/);
  await reviewer.getByRole('button', { name: '发布', exact: true }).click();
  assert.match(
    (await reviewer.locator('.notice').first().textContent()) ?? '',
    // Index numbers run per legal year: the first item published this year.
    new RegExp(`已发布，索引号 11340323MB04000046/${legalToday(platform.ctx).slice(0, 4)}-00001`),
  );

  const reader = await newPage(platform);
  await reader.goto(`${base}/zhongxing/`);
  await reader.getByRole('link', { name: '法定主动公开内容' }).click();
  await reader.getByRole('link', { name: /贯彻落实农业农村政策/ }).click();
  await reader.getByRole('link', { name: TITLE }).click();
  assert.equal(await reader.locator('h1').textContent(), TITLE);
  assert.match(await textOf(reader, 'table.item-meta'), /仲政〔2026〕5号/);
  const feed = await (await reader.request.get(`${base}/zhongxing/feed.atom`)).text();
  assert.ok(feed.includes(TITLE));
  await reader.getByLabel('站内搜索').fill('危房改造');
  await reader.getByRole('button', { name: '搜索' }).first().click();
  await reader.getByRole('link', { name: TITLE }).waitFor();
  for (const p of [editor, reviewer, reader]) await p.close();
});

test('a normative document cannot be published without its interpretation; repeal stamps the original', async () => {
  const { base } = platform;
  const editor = await signIn(platform, 'zx-editor');
  await editor.goto(`${base}/admin/catalog`);
  await editor
    .getByRole('link', { name: /新建信息/ })
    .first()
    .click();
  await selectOptionContaining(editor, '#f-columnId', '行政法规、规章和规范性文件');
  await editor.getByLabel('标题（信息名称）').fill('仲兴乡农村公益性岗位管理办法');
  await editor.getByLabel('内容概述').fill('规范农村公益性岗位的设置和管理');
  await editor.getByLabel('成文日期').fill('2026-02-27');
  await editor.getByLabel('登记为规范性文件').check();
  await editor.getByRole('button', { name: '保存草稿' }).click();
  await editor.waitForURL(/\/admin\/catalog\/items\//);
  await editor.getByRole('button', { name: '送审' }).click();

  const reviewer = await signIn(platform, 'zx-reviewer');
  await reviewer.goto(editor.url());
  assert.match(await textOf(reviewer), /须修改：规范性文件须与政策解读同步发布/);
  await reviewer.getByRole('button', { name: '确认并发布' }).click();
  assert.match(await textOf(reviewer, '.error-summary'), /三同步/);
  assert.match(await textOf(reviewer, 'dl.meta'), /待审核/);

  // Repeal a published demo document; its public page is stamped.
  await reviewer.goto(`${base}/zhongxing/xxgk/normative`);
  await reviewer.getByRole('link', { name: '仲兴乡村级财务管理办法', exact: true }).click();
  const publicUrl = reviewer.url();
  await reviewer.goto(publicUrl.replace(/\/zhongxing\/xxgk\/items\//, '/admin/catalog/items/'));
  await reviewer.getByLabel('废止或失效日期').fill('2026-01-15');
  await reviewer.getByLabel('说明（如被哪个文件替代）').fill('被仲政〔2026〕2号替代');
  await reviewer.getByRole('button', { name: '标注并在原文页面显示' }).click();
  await reviewer.goto(publicUrl);
  assert.match(await textOf(reviewer), /本文件已于 2026-01-15 废止：被仲政〔2026〕2号替代/);
  await editor.close();
  await reviewer.close();
});

test('an administrator enters a document from before the platform; the register page passes axe; the portal lists it', async () => {
  const { base } = platform;
  const admin = await signIn(platform, 'zx-admin');
  await admin.goto(`${base}/admin/catalog/registry`);
  await admin.getByLabel('文件名称', { exact: true }).fill('仲兴乡农村饮水安全工程运行管理办法');
  await admin.getByLabel('文号', { exact: true }).fill('仲政〔2022〕9号');
  await admin.getByLabel('发布日期', { exact: true }).fill('2022-06-20');
  await admin.getByRole('button', { name: '登记存量文件' }).click();
  const row = admin.locator('tr', { hasText: '仲政〔2022〕9号' });
  // No 有效期至 named: five years from publication by the registry's default rule.
  assert.match((await row.innerText()).replace(/\s+/g, ' '), /2022-06-20 2027-06-19 有效/);
  await assertAccessible(admin);
  await admin.close();
  const page = await newPage(platform);
  await page.goto(`${base}/zhongxing/xxgk/normative`);
  assert.match(
    await page.locator('main').innerText(),
    /仲兴乡农村饮水安全工程运行管理办法（本平台启用前发布）\s+仲政〔2022〕9号\s+2022-06-20\s+有效/,
  );
  await page.close();
});

test('home, column, item, search and guide pages pass axe in normal and elder mode', async () => {
  const { base } = platform;
  const page = await newPage(platform);
  await page.goto(`${base}/zhongxing/xxgk/normative`);
  const item = await page
    .getByRole('link', { name: '仲兴乡农村宅基地审批管理暂行办法' })
    .getAttribute('href');
  const pages = [
    '/zhongxing/',
    '/zhongxing/xxgk/columns/gzdt',
    '/zhongxing/xxgk/columns/statutory',
    item!,
    `/zhongxing/search?q=${encodeURIComponent('低保')}`,
    '/zhongxing/xxgk/guide',
    '/zhongxing/xxgk/normative',
    '/zhongxing/xxgk/standard',
  ];
  for (const mode of ['standard', 'elder']) {
    await setMode(platform, page, mode, '/zhongxing/');
    for (const path of pages) {
      await page.goto(`${base}${path}`);
      assert.equal(await page.locator('body').getAttribute('class'), mode === 'elder' ? 'elder' : null);
      await assertAccessible(page, `${mode} ${path}`);
    }
  }
  await page.close();
});

test('keyboard alone reaches the search box, the mode switch and the navigation in a sensible order', async () => {
  const { base } = platform;
  const page = await newPage(platform);
  await page.goto(`${base}/zhongxing/xxgk/columns/gzdt`);
  const stops: string[] = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.tagName === 'INPUT' ? `input#${el.id}` : (el.textContent?.trim() ?? '');
      }),
    );
  }
  assert.deepEqual(stops.slice(0, 7), [
    '跳到主要内容',
    '固镇县仲兴乡人民政府',
    'input#site-search-q',
    '搜索',
    '长者模式',
    '首页',
    '政府信息公开',
  ]);
  // The skip link moves focus into the main content.
  await page.goto(`${base}/zhongxing/xxgk/columns/gzdt`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.close();
});

test('pages stay readable at 200% zoom (a 1280px window is 640 CSS pixels): no horizontal scrolling', async () => {
  const { base } = platform;
  const page = await newPage(platform, { viewport: { width: 640, height: 900 } });
  await page.goto(`${base}/zhongxing/xxgk/normative`);
  const item = await page
    .getByRole('link', { name: '仲兴乡村级财务管理办法', exact: true })
    .getAttribute('href');
  for (const path of [
    '/zhongxing/',
    '/zhongxing/xxgk/columns/gzdt',
    item!,
    '/zhongxing/search?q=低保',
    '/zhongxing/xxgk/guide',
  ]) {
    await page.goto(`${base}${path}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
  }
  await page.close();
});
