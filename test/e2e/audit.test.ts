import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPassword } from '../../src/demo/demo-agencies.js';
import { publishedText, SEED } from '../../src/audit/testing.js';
import { seriousViolations } from '../support/browser.js';
import { demoPlatform } from '../support/e2e.js';

const platform = demoPlatform();

test('a supervisor pastes the seed report, sees the findings beside the marked document; axe passes', async () => {
  const page = await (await platform.browser.newContext()).newPage();
  await page.goto(`${platform.base}/admin/login`);
  await page.getByLabel('用户名', { exact: true }).fill('gz-supervisor');
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${platform.base}/admin/`);
  await page.getByRole('link', { name: '年报审查' }).click();
  await page.waitForURL(`${platform.base}/admin/audit`);
  assert.deepEqual(await seriousViolations(page), []);

  // Submitting nothing: the error summary, and the page still passes axe.
  await page.getByRole('button', { name: '审查' }).click();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /请粘贴年报文本/);
  assert.deepEqual(await seriousViolations(page), []);

  await page.getByLabel('粘贴年报文本').fill(publishedText(SEED));
  await page.getByRole('button', { name: '审查' }).click();
  await page.locator('#audit-result-title').waitFor();
  const findings = (await page.locator('.audit-findings').textContent()) ?? '';
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
  assert.match((await page.locator(`${target} mark`).textContent()) ?? '', /自治区/);
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});
