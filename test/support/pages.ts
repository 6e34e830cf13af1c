/**
 * What the end-to-end tests do on many pages, said once: open a page as a new visitor, sign staff in through
 * the real login form, read a part of the page, check it with axe, and switch to elder mode.
 */
import assert from 'node:assert/strict';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { demoPassword } from '../../src/demo/demo-agencies.js';
import { seriousViolations } from './browser.js';
import type { DemoPlatform } from './e2e.js';

/** A page in a new browser context: a visitor with no cookies, apart from every other page. */
export async function newPage(platform: DemoPlatform, options?: BrowserContextOptions): Promise<Page> {
  return (await platform.browser.newContext(options)).newPage();
}

/**
 * A staff member signs in with the demo password through the login form (用户名, 密码, 登录) and lands on
 * /admin/. Signs in on `page` when given (to keep listeners or routes set on it), else on a new page.
 */
export async function signIn(platform: DemoPlatform, username: string, page?: Page): Promise<Page> {
  page ??= await newPage(platform);
  await page.goto(`${platform.base}/admin/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${platform.base}/admin/`);
  return page;
}

/** The text of the one element matching `selector` (the main content by default) in a page or a part of one. */
export async function textOf(within: Page | Locator, selector = 'main'): Promise<string> {
  return (await within.locator(selector).textContent()) ?? '';
}

/** axe finds no serious or critical violation of GB/T 37668 level 2 on the page as it is now. */
export async function assertAccessible(page: Page, message?: string): Promise<void> {
  assert.deepEqual(await seriousViolations(page), [], message);
}

/** Follows the portal's own 长者模式 link and checks that the page it lands on is in elder mode. */
export async function switchToElderMode(page: Page): Promise<void> {
  await page.getByRole('link', { name: '长者模式' }).click();
  assert.equal(await page.locator('body').getAttribute('class'), 'elder');
}

/** Sets the display mode as the mode switch does (`/mode/<mode>`), which then sends the browser to `back`. */
export async function setMode(platform: DemoPlatform, page: Page, mode: string, back: string): Promise<void> {
  await page.goto(`${platform.base}/mode/${mode}?back=${encodeURIComponent(back)}`);
}
