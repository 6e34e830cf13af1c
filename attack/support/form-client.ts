/**
 * A visitor of the public forms as the XSS attack drives them from Node: it keeps cookies, reads the CSRF token
 * and the application challenge from the form page it fetched first, and posts multipart bodies as a browser
 * would. Each visitor comes from its own address (`X-Forwarded-For`, honoured with TRUST_PROXY=loopback, which makes
 * the attack process on this machine the trusted proxy), as many attackers would, so the per-address rate limits
 * and the challenge apply per visitor and a few hundred submissions are not refused by them.
 */

export interface Response {
  status: number;
  location: string | null;
  headers: Record<string, string>;
  body: string;
}

/** How many times a form page asked the application challenge and a visitor answered it. */
export const challenges = { answered: 0 };

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The answer to the form's arithmetic question (「三加五等于几？」), or undefined when there is none. */
export function challengeAnswer(html: string): { token: string; answer: string } | undefined {
  const q = /验证问题：(.)加(.)等于几/.exec(html);
  const t = /name="challengeToken" value="([^"]+)"/.exec(html);
  if (!q || !t) return undefined;
  const sum = CHINESE_DIGITS.indexOf(q[1]!) + CHINESE_DIGITS.indexOf(q[2]!);
  return { token: t[1]!, answer: String(sum) };
}

export class Visitor {
  private cookies = new Map<string, string>();
  constructor(
    private readonly base: string,
    private readonly address: string,
  ) {}

  private async send(path: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.base + path, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie, 'x-forwarded-for': this.address },
    });
    for (const c of res.headers.getSetCookie()) {
      const m = /^([^=]+)=([^;]*)/.exec(c);
      if (m) this.cookies.set(m[1]!, m[2]!);
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    return { status: res.status, location: res.headers.get('location'), headers, body: await res.text() };
  }

  get(path: string): Promise<Response> {
    return this.send(path, { method: 'GET' });
  }

  /** The CSRF token of the form on `path` (a GET, which also sets the anonymous CSRF cookie). */
  async csrfOf(path: string): Promise<{ csrf: string; page: Response }> {
    const page = await this.get(path);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!csrf) throw new Error(`no CSRF token on ${path} (${page.status})`);
    return { csrf, page };
  }

  /** Posts `fields` with `csrf` to `action`, as multipart (the public forms) or url-encoded (the rest). */
  post(action: string, fields: Record<string, string>, csrf: string, multipart = true): Promise<Response> {
    if (!multipart)
      return this.send(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
    const body = new FormData();
    body.set('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    return this.send(action, { method: 'POST', body });
  }

  /** GETs the form page, then posts `fields` to `action` with its CSRF token and the challenge's answer if asked. */
  async submit(formPath: string, action: string, fields: Record<string, string>): Promise<Response> {
    const { csrf, page } = await this.csrfOf(formPath);
    const challenge = challengeAnswer(page.body);
    if (challenge) challenges.answered++;
    const extra: Record<string, string> = challenge
      ? { challengeToken: challenge.token, challengeAnswer: challenge.answer }
      : {};
    return this.post(action, { ...extra, ...fields }, csrf);
  }
}
