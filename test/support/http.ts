/**
 * HTTP test helpers: the real app on a real database through `app.inject`, and a small cookie-keeping
 * browser that reads CSRF tokens from forms the way a person's browser submits them.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { demoPassword } from '../../src/demo/demo-agencies.js';
import type { AppContext } from '../../src/platform/context.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { buildApp } from '../../src/web/app.js';
import { appServices } from '../../src/app/services.js';
import { testContext } from './context.js';
import { adoptDemoTemplate } from './db.js';
import { loadTestDemo } from './test-demo.js';

/**
 * The app on `handle` with the demo data. A database from freshDatabase that nothing has used yet becomes a copy
 * of the demo template (the demo is loaded once per test run, not per suite); any other gets the demo loaded
 * unless it has agencies already (demoDatabase's copies have). loadTestDemo runs either way, so the composition it
 * makes (the full-text index fed by the catalog) is in place whichever way the demo came.
 */
export async function demoApp(handle: DatabaseHandle): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  await adoptDemoTemplate(handle);
  await loadTestDemo(handle);
  const ctx = testContext(handle);
  const app = await buildApp(ctx, appServices(), { logger: false });
  return { app, ctx };
}

export class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  async get(url: string) {
    return this.remember(
      await this.app.inject({ method: 'GET', url, cookies: Object.fromEntries(this.cookies) }),
    );
  }

  async post(url: string, form: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: Object.fromEntries(this.cookies),
      }),
    );
  }

  /** GETs `pageUrl`, takes the `_csrf` of its form, and POSTs `form` with it to `action`. */
  async submit(pageUrl: string, action: string, form: Record<string, string | string[]>) {
    const page = await this.get(pageUrl);
    const token = csrfOf(page.body);
    return this.post(action, { _csrf: token, ...form });
  }

  async login(username: string, password = demoPassword) {
    const res = await this.submit('/admin/login', '/admin/login', { username, password });
    if (res.statusCode !== 303) throw new Error(`login failed: ${res.statusCode}`);
    return res;
  }
}

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field on page');
  return m[1]!;
}

/**
 * A multipart/form-data body as a browser sends it for a form with file inputs: the text fields, then each file
 * (an empty name and no bytes is a file input left empty).
 */
export function multipartBody(
  fields: Record<string, string>,
  files: { field: string; name: string; content: string | Buffer }[] = [],
): { payload: Buffer; contentType: string } {
  const boundary = '----gongkai' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
