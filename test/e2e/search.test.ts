/**
 * Done-when of issue 7: in Chromium, a reader searches a 文号 typed with [] and full-width digits and finds
 * the document; the search pages pass axe in normal and elder mode, with results and with an error. (axe
 * needs JavaScript in the page; the pages themselves have none, and test/http/search.test.ts reads them raw.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useFullTextSearch } from '../../src/search/catalog-search.js';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, newPage, switchToElderMode, textOf } from '../support/pages.js';

// The full-text index is fed as the demo items are saved, so it is in use before the platform starts.
useFullTextSearch();
const platform = demoPlatform();

test('a 文号 typed as 仲政[２０２５]３号 finds 仲政〔2025〕3号 first; the page passes axe', async () => {
  const { base } = platform;
  const page = await newPage(platform);
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/search`);
  await assertAccessible(page);
  await page.getByLabel('检索词、文号或索引号').fill('仲政[２０２５]３号');
  await page.getByRole('button', { name: '检索' }).click();
  const first = page.locator('.search-results li').first();
  assert.match(await textOf(first, 'h3'), /仲兴乡农村人居环境整治长效管护办法/);
  assert.match(await textOf(first, '.meta'), /仲政〔2025〕3号/);
  await assertAccessible(page);
  await first.locator('h3 a').click();
  assert.match(await textOf(page, 'h1'), /仲兴乡农村人居环境整治长效管护办法/);
  await page.close();
});

test('a 1-character query shows the error summary; elder mode passes axe', async () => {
  const { base } = platform;
  const page = await newPage(platform);
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/search?q=${encodeURIComponent('公')}`);
  assert.match(await textOf(page, '.error-summary'), /至少两个字/);
  await assertAccessible(page);
  await switchToElderMode(page);
  await page.goto(`${base}/search?q=${encodeURIComponent('人居环境')}`);
  assert.ok((await page.locator('.search-results mark').count()) > 0);
  await assertAccessible(page);
  await page.close();
});

test('the platform front page searches every agency; it passes axe in normal and elder mode', async () => {
  const { base } = platform;
  const page = await newPage(platform);
  page.setDefaultTimeout(20_000);
  await page.goto(`${base}/`);
  await assertAccessible(page);
  await page.getByLabel('检索全平台政府信息').fill('仲政[２０２５]３号');
  await page.getByRole('button', { name: '检索' }).click();
  assert.match(
    (await page.locator('.search-results li h3').first().textContent()) ?? '',
    /仲兴乡农村人居环境整治长效管护办法/,
  );
  await page.goto(`${base}/`);
  await switchToElderMode(page);
  await assertAccessible(page);
  await page.close();
});
