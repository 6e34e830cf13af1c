/**
 * The supervisor's dashboard in Chromium: with JavaScript the figure tables gain ECharts charts under the
 * strict CSP (no console errors); without the scripts the same tables are there; axe passes in both and in
 * elder mode; the drill-down is reachable by links.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../src/demo/demo-agencies.js';
import { seriousViolations } from '../support/browser.js';
import { demoPlatform } from '../support/e2e.js';

const p = demoPlatform();

async function login(page: Page, username: string) {
  await page.goto(`${p.base}/admin/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${p.base}/admin/`);
}

test('with JavaScript: charts drawn from the tables, no CSP errors, axe passes, drill-down by links', async () => {
  const page = await (await p.browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    // The browser's own favicon probe is not the page's; the page's requests are checked below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await login(page, 'gz-supervisor');
  await page.goto(`${p.base}/admin/supervision?year=2025`);
  await page.locator('.echart canvas').first().waitFor();
  const charts = await page.locator('.echart').count();
  const tables = await page.locator('table[data-chart]').count();
  assert.equal(charts, tables, 'one chart per figure table');
  assert.ok(await page.locator('#fig-months').isVisible(), 'the table stays');
  assert.ok(
    await page.locator('[data-fallback-for="fig-rates"]').isHidden(),
    'the SVG gives way to the chart',
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(await seriousViolations(page), []);

  await page.getByRole('link', { name: '固镇县仲兴乡人民政府' }).first().click();
  await page.getByRole('heading', { name: /固镇县仲兴乡人民政府：2025年监督数据/ }).waitFor();
  await page.locator('.echart canvas').first().waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  const late = page.locator('a[href*="/late-items"]');
  assert.equal(await late.count(), 1, 'the demo township published some items late');
  await late.click();
  await page.getByRole('heading', { name: /超过20个工作日发布的主动公开条目/ }).waitFor();
  assert.ok((await page.locator('a[href^="/admin/catalog/items/"]').count()) > 0);
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(errors, []);
});

test('without the chart scripts and in elder mode: the figures are tables and axe passes', async () => {
  // Blocking the scripts leaves the page as a browser without JavaScript gets it (axe itself needs JS).
  const page = await (await p.browser.newContext()).newPage();
  await page.route('**/assets/**', (r) => r.abort());
  await login(page, 'gz-supervisor');
  await page.goto(`${p.base}/admin/supervision?year=2025`);
  assert.equal(await page.locator('.echart').count(), 0);
  assert.ok((await page.locator('table[data-chart] caption').count()) >= 3);
  assert.ok(await page.locator('figure.chart svg').isVisible(), 'the server-drawn chart');
  assert.deepEqual(await seriousViolations(page), []);
  await page.goto(`${p.base}/mode/elder?back=/admin/supervision`);
  assert.deepEqual(await seriousViolations(page), []);
});
