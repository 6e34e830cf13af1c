/**
 * Done-when of issue 7: in Chromium, a reader searches a 文号 typed with [] and full-width digits and finds
 * the document; the search pages pass axe in normal and elder mode, with results and with an error. (axe
 * needs JavaScript in the page; the pages themselves have none, and test/http/search.test.ts reads them raw.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { useFullTextSearch } from '../../src/search/catalog-search.js';
import { freshDatabase } from '../support/db.js';
import { demoApp } from '../support/http.js';
import { launchChromium, listen, seriousViolations } from '../support/browser.js';

let handle: DatabaseHandle;
let app: FastifyInstance;
let base: string;
let browser: Browser;

before(async () => {
  useFullTextSearch();
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

test('a 文号 typed as 仲政[２０２５]３号 finds 仲政〔2025〕3号 first; the page passes axe', async () => {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/search`);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByLabel('检索词、文号或索引号').fill('仲政[２０２５]３号');
  await page.getByRole('button', { name: '检索' }).click();
  const first = page.locator('.search-results li').first();
  assert.match((await first.locator('h3').textContent()) ?? '', /仲兴乡农村人居环境整治长效管护办法/);
  assert.match((await first.locator('.meta').textContent()) ?? '', /仲政〔2025〕3号/);
  assert.deepEqual(await seriousViolations(page), []);
  await first.locator('h3 a').click();
  assert.match((await page.locator('h1').textContent()) ?? '', /仲兴乡农村人居环境整治长效管护办法/);
  await page.close();
});

test('a 1-character query shows the error summary; elder mode passes axe', async () => {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/search?q=${encodeURIComponent('公')}`);
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /至少两个字/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('link', { name: '长者模式' }).click();
  assert.equal(await page.locator('body').getAttribute('class'), 'elder');
  await page.goto(`${base}/search?q=${encodeURIComponent('人居环境')}`);
  assert.ok((await page.locator('.search-results mark').count()) > 0);
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});

test('the platform front page searches every agency; it passes axe in normal and elder mode', async () => {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/`);
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByLabel('检索全平台政府信息').fill('仲政[２０２５]３号');
  await page.getByRole('button', { name: '检索' }).click();
  assert.match(
    (await page.locator('.search-results li h3').first().textContent()) ?? '',
    /仲兴乡农村人居环境整治长效管护办法/,
  );
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: '长者模式' }).click();
  assert.equal(await page.locator('body').getAttribute('class'), 'elder');
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});
