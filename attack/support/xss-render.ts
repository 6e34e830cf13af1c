/**
 * Chromium for the XSS attack: one browser, a context with the platform's CSP and one with the CSP bypassed (so
 * the escaping itself is tested, not only the CSP), each watched for payload executions. A page is either loaded
 * from the server (GET) or, for the answer to a POST the attack made from Node, rendered from that answer's
 * exact status, headers and body at the form's own address, so its styles, scripts and CSP come from the server.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../test/support/browser.js';
import type { Response } from './form-client.js';
import { injectedMarkup, watchContext, watchPage, type Hit } from './xss-detect.js';

export type Mode = 'csp' | 'no-csp';

interface Slot {
  context: BrowserContext;
  page: Page;
}

export class XssBrowser {
  /** DOM findings: markup only an injection makes, with the page it was on. */
  readonly findings: string[] = [];
  readonly loads: Record<Mode, number> = { csp: 0, 'no-csp': 0 };
  private readonly pending = new Map<string, Response>();
  private seq = 0;

  private constructor(
    /** Executions: every payload call, dialog and console marker seen in any page or frame. */
    readonly hits: Hit[],
    private readonly browser: Browser,
    private readonly slots: Record<Mode, Slot>,
  ) {}

  static async launch(): Promise<XssBrowser> {
    const browser = await launchChromium();
    const hits: Hit[] = [];
    const slot = async (bypassCSP: boolean): Promise<Slot> => {
      const context = await browser.newContext({ bypassCSP });
      await watchContext(context, hits);
      const page = await context.newPage();
      watchPage(page, hits);
      return { context, page };
    };
    const b = new XssBrowser(hits, browser, { csp: await slot(false), 'no-csp': await slot(true) });
    for (const mode of ['csp', 'no-csp'] as const)
      await b.slots[mode].context.route(
        (url) => b.pending.has(url.href),
        async (route) => {
          const r = b.pending.get(route.request().url())!;
          b.pending.delete(route.request().url());
          const headers = { ...r.headers };
          for (const h of ['content-length', 'content-encoding', 'transfer-encoding']) delete headers[h];
          await route.fulfill({ status: r.status, headers, body: r.body });
        },
      );
    return b;
  }

  page(mode: Mode): Page {
    return this.slots[mode].page;
  }

  /** Signs a staff member in through the login form in both contexts. */
  async signIn(base: string, username: string, password: string): Promise<void> {
    for (const mode of ['csp', 'no-csp'] as const) {
      const page = this.page(mode);
      await page.goto(`${base}/admin/login`);
      await page.getByLabel('用户名', { exact: true }).fill(username);
      await page.getByLabel('密码', { exact: true }).fill(password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(`${base}/admin/`);
    }
  }

  /**
   * Loads `url` in the context of `mode` — from the server, or, given `answer`, that answer at `url` — and
   * scans the DOM. Returns the page, still showing it.
   */
  async load(mode: Mode, url: string, answer?: Response): Promise<Page> {
    const page = this.page(mode);
    let target = url;
    if (answer) {
      target = `${url}${url.includes('?') ? '&' : '?'}xss-render=${++this.seq}`;
      this.pending.set(target, answer);
    }
    await page.goto(target, { waitUntil: 'load' });
    this.loads[mode]++;
    for (const f of await injectedMarkup(page)) this.findings.push(`${mode} ${url}: ${f}`);
    return page;
  }

  /** The values the page's inputs and text areas named `names` hold now. */
  async fieldValues(mode: Mode, names: string[]): Promise<Record<string, string>> {
    return this.page(mode).evaluate((list) => {
      const out: Record<string, string> = {};
      for (const n of list) {
        const el = document.querySelector(`[name="${n}"]`);
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) out[n] = el.value;
      }
      return out;
    }, names);
  }

  /** Lets late handlers (focus, toggle, timers) report, then closes the browser. */
  async close(): Promise<void> {
    await new Promise((r) => setTimeout(r, 300));
    await this.browser.close();
  }
}
