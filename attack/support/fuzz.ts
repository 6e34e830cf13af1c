/**
 * The malformed-request generator: from a seed and the public routes, a deterministic stream of hostile
 * requests — wrong methods, content types that lie, broken multipart (no or wrong boundary, truncated, bad part
 * headers, too many parts), invalid and deeply nested JSON, bad url-encoded bodies, huge, deep and badly
 * percent-encoded query strings, odd paths, null bytes, overlong headers (mostly within Node's 16 KB), wrong CSRF
 * tokens, lying Content-Length and broken chunked framing. Same seed, same routes → same requests.
 */
import type { FoundForm, PublicRoutes } from './crawl.js';
import type { RawRequest } from './raw-http.js';

/** mulberry32: a small seeded PRNG, enough to replay a run from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

export interface Target {
  method: string;
  path: string;
  form?: FoundForm;
}

export interface Attack {
  kind: string;
  request: RawRequest;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const token = (r: Rng, n = 43) => Array.from({ length: n }, () => r.pick([...B64])).join('');

/** Hostile text for a field, a parameter or a header value (raw: the caller encodes it or not). */
function junk(r: Rng): string {
  return r.pick([
    () => '',
    () => ' ',
    () => '\u0000',
    () => 'a\u0000b',
    () => 'x'.repeat(r.pick([256, 5000, 70_000])),
    () => '中'.repeat(r.pick([10, 3000])),
    () => '<script>alert(1)</script>',
    () => "' OR 1=1 --",
    () => '../../../../etc/passwd',
    () => '-1',
    () => '0',
    () => '99999999999999999999999',
    () => 'NaN',
    () => '1e309',
    () => '2025-02-30',
    () => '\u202e\ud83d\ude00\u0301',
    () => '\ud800',
    () => '\r\nSet-Cookie: x=1',
    () => '%',
    () => '%E4%ZZ',
    () => '[object Object]',
    () => '__proto__',
    () => token(r, r.int(80)),
  ])();
}

/** encodeURIComponent, but a lone surrogate becomes the bytes a careless encoder would send (%ED%A0%80). */
const enc = (s: string): string =>
  [...s].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');

/** Percent-encoding a browser would never send: lone %, bad hex, cut UTF-8 sequences, %00, overlong forms. */
const badPercent = ['%', '%Z', '%ZZ', '%E4%B8', '%C0%AE', '%00', '%FF%FE', '%%', '%u4e2d', '%E4%B8%AD%'];

const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'FOO',
  'get',
];

const CONTENT_TYPES = [
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary="unterminated',
  `multipart/form-data; boundary=${'b'.repeat(300)}`,
  'multipart/mixed; boundary=x',
  'application/json',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded; charset=klingon',
  'application/xml',
  'text/plain',
  'text/html',
  'image/png',
  'application/octet-stream',
  ';;; =',
  '',
  'x/y; a=b; a=c',
  'application/x-www-form-urlencoded\u0000',
];

interface Ctx {
  r: Rng;
  routes: PublicRoutes;
  csrf: string;
}

function cookie(c: Ctx, tokenValue = c.csrf): [string, string] {
  return ['Cookie', `gk_csrf=${tokenValue}`];
}

function formFields(c: Ctx, t: Target): Array<[string, string]> {
  const base = t.form?.fields.filter(([k]) => k !== '_csrf') ?? [['q', '公开']];
  return base.map(([k, v]) => [k, c.r.chance(0.3) ? junk(c.r) : v]);
}

function urlencode(fields: Array<[string, string]>): string {
  return fields.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

const post = (t: Target): string => (t.form && t.form.method === 'POST' ? t.form.action : t.path);

// ─── multipart ────────────────────────────────────────────────────────────────────────────────────────────────

function multipartBody(c: Ctx, t: Target, boundary: string): { parts: string[]; end: string } {
  const fields: Array<[string, string]> = [['_csrf', c.csrf], ...formFields(c, t)];
  const parts = fields.map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return { parts, end: `--${boundary}--\r\n` };
}

function brokenMultipart(c: Ctx, t: Target): RawRequest {
  const { r } = c;
  const b = `----gk${token(r, 16)}`;
  const { parts, end } = multipartBody(c, t, b);
  const whole = parts.join('');
  const file = (name: string, filename: string, data: string) =>
    `--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n${data}\r\n`;
  const variants: Array<() => [string, string]> = [
    () => ['multipart/form-data', whole + end],
    () => [`multipart/form-data; boundary=${b}`, whole],
    () => [`multipart/form-data; boundary=${b}`, whole.slice(0, r.int(whole.length))],
    () => [`multipart/form-data; boundary=${b}x`, whole + end],
    () => [`multipart/form-data; boundary=${b}`, whole.replace(/\r\n/g, '\n') + end],
    () => [
      `multipart/form-data; boundary=${b}`,
      `--${b}\r\nContent-Disposition: ${junk(r)}\r\n\r\nx\r\n` + end,
    ],
    () => [
      `multipart/form-data; boundary=${b}`,
      `--${b}\r\n${'X-A: b\r\n'.repeat(r.pick([50, 2000]))}\r\n` + end,
    ],
    () => [`multipart/form-data; boundary=${b}`, whole + parts[0]!.repeat(r.pick([70, 1200])) + end],
    () => [
      `multipart/form-data; boundary=${b}`,
      whole + file('f', 'a.txt', 'x').repeat(r.pick([6, 30])) + end,
    ],
    () => [`multipart/form-data; boundary=${b}`, whole + file('attachment', junk(r), junk(r)) + end],
    () => [
      `multipart/form-data; boundary=${b}`,
      whole + file('attachment', '../../x.exe', 'MZ\u0000\u0000') + end,
    ],
    () => [`multipart/form-data; boundary=${b}`, whole + file('attachment', 'a.pdf', '%PDF-1.7\n') + end],
    () => [
      `multipart/form-data; boundary=${b}`,
      whole +
        `--${b}\r\nContent-Disposition: form-data; name="body"\r\n\r\n${'长'.repeat(600_000)}\r\n` +
        end,
    ],
    () => [`multipart/form-data; boundary=${b}`, whole + multipartBody(c, t, b).parts[0]! + `--${b}`],
    () => [
      `multipart/form-data; boundary=${b}`,
      `--${b}\r\nContent-Disposition: form-data; name="${r.pick(['__proto__', 'constructor', 'toString', ''])}"\r\n\r\nx\r\n` +
        whole +
        end,
    ],
    () => [`multipart/form-data; boundary=${b}`, end],
    () => [`multipart/form-data; boundary=${b}`, ''],
    () => [`multipart/form-data; boundary=${b}; boundary=other`, whole + end],
  ];
  const [contentType, body] = r.pick(variants)();
  return {
    method: 'POST',
    target: post(t),
    headers: [['Content-Type', contentType], cookie(c)],
    body: Buffer.from(body),
  };
}

// ─── JSON, url-encoded, content types ────────────────────────────────────────────────────────────────────────

function badJson(c: Ctx, t: Target): RawRequest {
  const { r } = c;
  const good = JSON.stringify(Object.fromEntries([['_csrf', c.csrf], ...formFields(c, t)]));
  const body = r.pick([
    () => good.slice(0, r.int(good.length)),
    () => '['.repeat(r.pick([1000, 100_000])),
    () => '{"a":'.repeat(5000),
    () => `{"_csrf":"${c.csrf}","__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}`,
    () => `{"_csrf":"${c.csrf}","subject":{"$gt":""},"body":[1,2,3],"phone":null,"kind":true}`,
    () => '1e99999',
    () => '"just a string"',
    () => 'null',
    () => '',
    () => '\ufeff{}',
    () => `{"a":"\\ud800"}`,
    () => `{"a":1,"a":2}`,
    () => junk(r),
  ])();
  const contentType = r.pick([
    'application/json',
    'application/json; charset=utf-8',
    'application/vnd.api+json',
  ]);
  return {
    method: r.pick(['POST', 'POST', 'PUT', 'PATCH']),
    target: r.chance(0.5) ? post(t) : `/api/v1/${r.pick(['agencies', 'search', 'items', junk(r)])}`,
    headers: [['Content-Type', contentType], cookie(c), ['Accept', 'application/json']],
    body: Buffer.from(body),
  };
}

function badUrlencoded(c: Ctx, t: Target): RawRequest {
  const { r } = c;
  const fields = urlencode([['_csrf', c.csrf], ...formFields(c, t)]);
  const body = r.pick([
    () => `${fields}&${r.pick(badPercent)}=${r.pick(badPercent)}`,
    () => fields.replace(/%[0-9A-F]{2}/g, () => r.pick(badPercent)),
    () => `${fields}&${'kind=x&'.repeat(r.pick([100, 5000]))}`,
    () => `${fields}&a[b][c][d][e][f]=1&__proto__[x]=1&constructor[prototype][y]=1`,
    () => `${fields}&${'&'.repeat(10_000)}`,
    () => `${fields}&${'='.repeat(100)}`,
    () => `_csrf=${c.csrf}&_csrf=${c.csrf}&${fields}`,
    () => `${fields}&body=${'%E4%B8%AD'.repeat(r.pick([10, 400_000]))}`,
    () => fields.replace(/=/g, '\u0000='),
    () => Buffer.from([0xff, 0xfe, 0x00, 0x3d, 0xc3]).toString('latin1'),
  ])();
  return {
    method: 'POST',
    target: post(t),
    headers: [
      [
        'Content-Type',
        r.pick(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=gbk']),
      ],
      cookie(c),
    ],
    body: Buffer.from(body, 'latin1'),
  };
}

function lyingContentType(c: Ctx, t: Target): RawRequest {
  const { r } = c;
  const body = r.pick([
    () => urlencode([['_csrf', c.csrf], ...formFields(c, t)]),
    () => `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`,
    () => JSON.stringify({ _csrf: c.csrf }),
    () => junk(r),
  ])();
  return {
    method: r.pick(['POST', 'POST', 'PUT', 'DELETE']),
    target: post(t),
    headers: [['Content-Type', r.pick(CONTENT_TYPES)], cookie(c)],
    body: Buffer.from(body),
  };
}

// ─── methods, queries, paths, headers, CSRF, framing ─────────────────────────────────────────────────────────

function oddMethod(c: Ctx, t: Target): RawRequest {
  const { r } = c;
  const body = r.chance(0.5) ? Buffer.from(urlencode([['_csrf', c.csrf], ...formFields(c, t)])) : undefined;
  return {
    method: r.pick(METHODS),
    target: r.chance(0.5) ? t.path : post(t),
    headers: [
      ...(body ? [['Content-Type', 'application/x-www-form-urlencoded'] as [string, string]] : []),
      cookie(c),
    ],
    ...(body ? { body } : {}),
  };
}

function hostileQuery(c: Ctx, t: Target): RawRequest {
  const { r } = c;
  const path = t.path.split('?')[0]!;
  const names = [
    'q',
    'page',
    'year',
    'column',
    'type',
    'agency',
    'sort',
    'from',
    'to',
    'back',
    'after',
    'cursor',
    'limit',
  ];
  const query = r.pick([
    () => names.map((n) => `${n}=${enc(junk(r))}`).join('&'),
    () => `${r.pick(names)}=${r.pick(badPercent)}`,
    () => `${r.pick(names)}=a&${r.pick(names)}=b&${r.pick(names)}[]=c&${r.pick(names)}[x]=d`,
    () => `a${'[b]'.repeat(r.pick([100, 2000]))}=1`,
    () => Array.from({ length: r.pick([200, 1500]) }, (_, i) => `k${i}=${i}`).join('&'),
    () => `q=${'x'.repeat(r.pick([2000, 12_000]))}`,
    () => `q=${'%E4%B8%AD'.repeat(r.pick([100, 1300]))}`,
    () => `page=${r.pick(['-1', '0', '1e9', 'NaN', '99999999999999999999', '1.5', '0x10', ''])}`,
    () => `back=${enc(r.pick(['//evil.example', 'https://evil.example', '/\\evil', 'javascript:alert(1)']))}`,
    () => `q=%00&page=%00&year=%00`,
    () => '&&&===?',
    () => `__proto__[x]=1&constructor[prototype][x]=1`,
  ])();
  return { method: r.pick(['GET', 'GET', 'HEAD']), target: `${path}?${query}`, headers: [cookie(c)] };
}

function oddPath(c: Ctx, t: Target): RawRequest {
  const { r } = c;
  const segments = t.path.split('?')[0]!.split('/');
  const i = Math.max(1, r.int(segments.length));
  const mutate = r.pick([
    (s: string) => s + r.pick(badPercent),
    (s: string) => `${s}%2F..%2F..%2Fetc%2Fpasswd`,
    (s: string) => `${s}/../../../../etc/passwd`,
    (s: string) => Buffer.from(`${s}中文`, 'utf8').toString('latin1'),
    (s: string) => `${s}${'x'.repeat(r.pick([300, 8000]))}`,
    (s: string) => `${s}%00`,
    (s: string) => `${s}//`,
    (s: string) => s.toUpperCase(),
    (s: string) => `${s};jsessionid=1`,
    (s: string) => `${s}.json`,
    () => '',
    () => '..',
    () => '%2e%2e',
  ]);
  segments[i] = mutate(segments[i] ?? '');
  let target = segments.join('/');
  if (r.chance(0.1))
    target = r.pick([
      '*',
      'http://evil.example/',
      '//',
      '/static/../../package.json',
      '/static/%2e%2e/%2e%2e/package.json',
      '/api',
      '/api/v1/',
      '/admin/../api/v1/agencies',
    ]);
  return { method: r.pick(['GET', 'GET', 'POST', 'HEAD']), target, headers: [cookie(c)] };
}

function hostileHeaders(c: Ctx, t: Target): RawRequest {
  const { r } = c;
  const headers: Array<[string, string]> = r.pick<() => Array<[string, string]>>([
    () => [['Cookie', `gk_csrf=${junk(r)}; gk_session=${token(r)}; gk_mode=${junk(r)}`]],
    () => [['Cookie', `${'a=b; '.repeat(r.pick([100, 2500]))}`]],
    () => [['Cookie', `gk_csrf=${enc('é'.repeat(32))}`]],
    () => [
      ['X-Forwarded-For', r.pick(['', 'garbage', '999.1.1.1', '::::', '1.1.1.1, , ,', 'x'.repeat(8000)])],
    ],
    () => [['Accept', r.pick(['application/json', '*/*;q=abc', 'x'.repeat(8000), 'text/html;q=-1'])]],
    () => [['Accept-Language', 'zh-CN,'.repeat(1000)]],
    () => [
      ['If-None-Match', junk(r)],
      ['If-Modified-Since', junk(r)],
      ['Range', r.pick(['bytes=0-', 'bytes=9-1', 'bytes=-0', 'items=1'])],
    ],
    () =>
      Array.from({ length: r.pick([90, 400]) }, (_, k) => [`X-H${k}`, 'v'.repeat(20)] as [string, string]),
    () => [
      ['X-Request-Id', junk(r)],
      ['X-Csrf-Token', junk(r)],
    ],
    () => [['Host', r.pick(['', 'evil.example', 'a'.repeat(300), '127.0.0.1:99999'])]],
    () => [['Content-Length', r.pick(['-1', 'abc', '1, 2', '99999999999999999999'])]],
    () => [['Transfer-Encoding', r.pick(['chunked, identity', 'gzip', 'x'])]],
    () => [['X-Big', 'x'.repeat(r.pick([8000, 15_000, 20_000]))]],
  ])();
  const hasBody = r.chance(0.4);
  return {
    method: hasBody ? 'POST' : 'GET',
    target: hasBody ? post(t) : t.path,
    headers: [
      ...headers,
      ...(hasBody ? [['Content-Type', 'application/x-www-form-urlencoded'] as [string, string]] : []),
    ],
    ...(hasBody ? { body: Buffer.from(urlencode([['_csrf', c.csrf], ...formFields(c, t)])) } : {}),
  };
}

function wrongCsrf(c: Ctx, t: Target): RawRequest {
  const { r } = c;
  const other = token(r);
  const [cookieToken, sent] = r.pick<[string | undefined, string | undefined]>([
    [undefined, c.csrf],
    [c.csrf, undefined],
    [c.csrf, other],
    [other, c.csrf],
    [c.csrf, c.csrf.slice(1)],
    ['short', 'short'],
    [enc('é'.repeat(43)), 'a'.repeat(43)],
    [c.csrf, `${c.csrf}\u0000`],
    [c.csrf, c.csrf],
  ]);
  const fields: Array<[string, string]> = [
    ...(sent === undefined ? [] : [['_csrf', sent] as [string, string]]),
    ...formFields(c, t),
  ];
  return {
    method: 'POST',
    target: post(t),
    headers: [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ...(cookieToken === undefined ? [] : [['Cookie', `gk_csrf=${cookieToken}`] as [string, string]]),
    ],
    body: Buffer.from(urlencode(fields)),
  };
}

function brokenFraming(c: Ctx, t: Target): RawRequest {
  const { r } = c;
  const body = urlencode([['_csrf', c.csrf], ...formFields(c, t)]);
  const base: Array<[string, string]> = [['Content-Type', 'application/x-www-form-urlencoded'], cookie(c)];
  return r.pick([
    // Promised more than sent: the connection is half-closed after the bytes that did come.
    (): RawRequest => ({
      method: 'POST',
      target: post(t),
      headers: [...base, ['Content-Length', String(body.length + 1000)]],
      body: Buffer.from(body),
      halfClose: true,
    }),
    (): RawRequest => ({
      method: 'POST',
      target: post(t),
      headers: [...base, ['Content-Length', String(30 * 1024 * 1024)]],
      body: Buffer.from(body),
      halfClose: true,
    }),
    (): RawRequest => ({
      method: 'POST',
      target: post(t),
      headers: [...base, ['Transfer-Encoding', 'chunked']],
      body: Buffer.from(`zz\r\n${body}\r\n0\r\n\r\n`),
    }),
    (): RawRequest => ({
      method: 'POST',
      target: post(t),
      headers: [...base, ['Transfer-Encoding', 'chunked']],
      body: Buffer.from(`${(body.length + 50).toString(16)}\r\n${body}`),
      halfClose: true,
    }),
    (): RawRequest => ({
      method: 'POST',
      target: post(t),
      headers: [...base, ['Transfer-Encoding', 'chunked'], ['Content-Length', '5']],
      body: Buffer.from(`5\r\nhello\r\n0\r\n\r\n`),
    }),
    (): RawRequest => ({
      method: 'POST',
      target: post(t),
      headers: [...base, ['Content-Length', '3'], ['Content-Length', '4']],
      body: Buffer.from('abcd'),
      verbatim: true,
    }),
    (): RawRequest => ({
      method: 'GET',
      target: t.path,
      headers: [['Host', '127.0.0.1']],
      body: Buffer.from(`GET ${t.path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
      verbatim: true,
    }),
    (): RawRequest => ({ method: 'GET', target: `${t.path} HTTP/1.1\r\nX: y`, headers: [] }),
    (): RawRequest => ({ method: '', target: t.path, headers: [] }),
    (): RawRequest => ({ method: 'GET', target: `${t.path}\u0000`, headers: [['X-Null', 'a\u0000b']] }),
  ])();
}

/** Each kind of attack, and the forms it is best aimed at (those whose handler its body can reach). */
const isPost = (f: FoundForm) => f.method === 'POST';
const MUTATIONS: Array<[string, (c: Ctx, t: Target) => RawRequest, ((f: FoundForm) => boolean) | undefined]> =
  [
    ['multipart', brokenMultipart, (f) => f.enctype === 'multipart/form-data'],
    ['multipart', brokenMultipart, (f) => f.enctype === 'multipart/form-data'],
    ['json', badJson, isPost],
    ['urlencoded', badUrlencoded, isPost],
    ['content-type', lyingContentType, isPost],
    ['method', oddMethod, undefined],
    ['query', hostileQuery, (f) => f.method === 'GET'],
    ['query', hostileQuery, undefined],
    ['path', oddPath, undefined],
    ['headers', hostileHeaders, undefined],
    ['csrf', wrongCsrf, isPost],
    ['framing', brokenFraming, isPost],
  ];

function fill(template: string, c: Ctx): string {
  const { r, routes } = c;
  // A concrete link of the same shape gives a real id; otherwise a guess or junk.
  const shape = new RegExp(`^${template.replace(/:[\w]+/g, '[^/?]+')}$`);
  const seen = routes.links.filter((l) => shape.test(l.split('?')[0]!));
  if (seen.length && r.chance(0.6)) return r.pick(seen);
  return template.replace(/:(\w+)/g, (_, name: string) =>
    name === 'agency' || name === 'segment'
      ? r.pick(routes.agencies.length ? routes.agencies : ['zhongxing'])
      : enc(r.chance(0.5) ? token(r, 12) : junk(r).slice(0, 200)),
  );
}

/** The targets: every form seen, every link seen, every declared route (its params filled per request). */
function targetsOf(routes: PublicRoutes): Array<(c: Ctx) => Target> {
  return [
    ...routes.forms.map((form) => () => ({ method: form.method, path: form.action, form })),
    ...routes.links.map((path) => () => ({ method: 'GET', path })),
    ...routes.declared.map(([method, template]) => (c: Ctx) => {
      const path = fill(template, c);
      const form = routes.forms.find((f) => f.method === method && shapeOf(f.action) === shapeOf(path));
      return { method, path, ...(form ? { form } : {}) };
    }),
  ];
}

const shapeOf = (path: string) => path.split('?')[0]!.replace(/\/+$/, '');

/** `count` hostile requests for these routes, the same ones for the same seed. */
export function* malformedRequests(seed: number, count: number, routes: PublicRoutes): Generator<Attack> {
  const r = prng(seed);
  const targets = targetsOf(routes);
  const aimed = MUTATIONS.map(([, , fits]) =>
    fits
      ? routes.forms.filter(fits).map((form) => () => ({ method: form.method, path: form.action, form }))
      : [],
  );
  for (let i = 0; i < count; i++) {
    const c: Ctx = { r, routes, csrf: token(r) };
    const m = r.int(MUTATIONS.length);
    const [kind, mutate] = MUTATIONS[m]!;
    // Most attacks aim at the forms their body can reach (so the parsers and handlers behind them are hit);
    // the rest at any route, linked or declared.
    const forms = aimed[m]!;
    const target = (forms.length && r.chance(0.75) ? r.pick(forms) : r.pick(targets))(c);
    const request = mutate(c, target);
    // A different client address each time (the server trusts the proxy header in this run), so the per-IP
    // limits of the public forms answer some requests with 429 but do not stop the rest reaching the handlers.
    if (!request.verbatim && !request.headers.some(([k]) => k.toLowerCase() === 'x-forwarded-for'))
      request.headers.push(['X-Forwarded-For', `10.${r.int(4)}.${r.int(256)}.${1 + r.int(254)}`]);
    yield { kind, request };
  }
}
