/**
 * The supervisor's dashboard in Chromium: with JavaScript the figure tables gain ECharts charts under the
 * strict CSP (no console errors); without the scripts the same tables are there; axe passes in both and in
 * elder mode; the drill-down is reachable by links.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, newPage, setMode, signIn } from '../support/pages.js';

const platform = demoPlatform();

test('with JavaScript: charts drawn from the tables, no CSP errors, axe passes, drill-down by links', async () => {
  const page = await newPage(platform);
  const errors: string[] = [];
  page.on('console', (m) => {
    // The browser's own favicon probe is not the page's; the page's requests are checked below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await signIn(platform, 'gz-supervisor', page);
  await page.goto(`${platform.base}/admin/supervision?year=2025`);
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
  await assertAccessible(page);

  await page.getByRole('link', { name: '固镇县仲兴乡人民政府' }).first().click();
  await page.getByRole('heading', { name: /固镇县仲兴乡人民政府：2025年监督数据/ }).waitFor();
  await page.locator('.echart canvas').first().waitFor();
  await assertAccessible(page);
  const late = page.locator('a[href*="/late-items"]');
  assert.equal(await late.count(), 1, 'the demo township published some items late');
  await late.click();
  await page.getByRole('heading', { name: /超过20个工作日发布的主动公开条目/ }).waitFor();
  assert.ok((await page.locator('a[href^="/admin/catalog/items/"]').count()) > 0);
  await assertAccessible(page);
  assert.deepEqual(errors, []);
});

test('without the chart scripts and in elder mode: the figures are tables and axe passes', async () => {
  // Blocking the scripts leaves the page as a browser without JavaScript gets it (axe itself needs JS).
  const page = await newPage(platform);
  await page.route('**/assets/**', (r) => r.abort());
  await signIn(platform, 'gz-supervisor', page);
  await page.goto(`${platform.base}/admin/supervision?year=2025`);
  assert.equal(await page.locator('.echart').count(), 0);
  assert.ok((await page.locator('table[data-chart] caption').count()) >= 3);
  assert.ok(await page.locator('figure.chart svg').isVisible(), 'the server-drawn chart');
  await assertAccessible(page);
  await setMode(platform, page, 'elder', '/admin/supervision');
  await assertAccessible(page);
});
