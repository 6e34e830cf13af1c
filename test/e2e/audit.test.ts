import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publishedText, SEED } from '../../src/audit/testing.js';
import { demoPlatform } from '../support/e2e.js';
import { assertAccessible, signIn, textOf } from '../support/pages.js';

const platform = demoPlatform();

test('a supervisor pastes the seed report, sees the findings beside the marked document; axe passes', async () => {
  const page = await signIn(platform, 'gz-supervisor');
  await page.getByRole('link', { name: '年报审查' }).click();
  await page.waitForURL(`${platform.base}/admin/audit`);
  await assertAccessible(page);

  // Submitting nothing: the error summary, and the page still passes axe.
  await page.getByRole('button', { name: '审查' }).click();
  assert.match(await textOf(page, '.error-summary'), /请粘贴年报文本/);
  await assertAccessible(page);

  await page.getByLabel('粘贴年报文本').fill(publishedText(SEED));
  await page.getByRole('button', { name: '审查' }).click();
  await page.locator('#audit-result-title').waitFor();
  const findings = await textOf(page, '.audit-findings');
  assert.match(findings, /section\.missing/);
  assert.match(findings, /content\.copied/);
  assert.match(findings, /自治区/);
  assert.doesNotMatch(findings, /format\.outdated/);
  assert.ok((await page.locator('.audit-doc li.audit-hit').count()) > 0);
  // Following a finding's link lands on its marked line.
  const link = page
    .locator('.audit-findings li', { hasText: 'content.copied' })
    .first()
    .locator('a[href^="#L"]');
  const target = (await link.getAttribute('href'))!;
  await link.click();
  assert.ok(page.url().endsWith(target));
  assert.match(await textOf(page, `${target} mark`), /自治区/);
  await assertAccessible(page);
  await page.close();
});
