/**
 * A signed-in staff session over real HTTP (fetch): cookies kept, the CSRF token read from each form as a
 * browser submits it. Used by the attacks that reach staff pages (a supervisor's 年报审查 upload).
 */
import { demoPassword } from '../../src/demo/demo-agencies.js';

export class Session {
  private readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...rest] = pair!.split('=');
      this.cookies.set(name!.trim(), rest.join('='));
    }
    return res;
  }

  async get(path: string): Promise<{ status: number; body: string }> {
    const res = this.keep(
      await fetch(this.baseUrl + path, { headers: { cookie: this.header() }, redirect: 'manual' }),
    );
    return { status: res.status, body: await res.text() };
  }

  /** Posts a form (multipart when a file is given) with the CSRF token of `formPath`'s page. */
  async post(
    formPath: string,
    action: string,
    fields: Record<string, string>,
    file?: { field: string; name: string; data: Buffer },
  ): Promise<{ status: number; body: string }> {
    const page = await this.get(formPath);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!csrf) throw new Error(`no CSRF field on ${formPath}`);
    const form = new FormData();
    form.set('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (file) form.set(file.field, new Blob([new Uint8Array(file.data)]), file.name);
    const body = file ? form : new URLSearchParams(form as unknown as Record<string, string>);
    const res = this.keep(
      await fetch(this.baseUrl + action, {
        method: 'POST',
        body,
        headers: { cookie: this.header() },
        redirect: 'manual',
      }),
    );
    return { status: res.status, body: await res.text() };
  }

  async login(username: string, password = demoPassword): Promise<void> {
    const res = await this.post('/admin/login', '/admin/login', { username, password });
    if (res.status !== 303) throw new Error(`login as ${username} failed: ${res.status}`);
  }
}
