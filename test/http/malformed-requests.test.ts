/**
 * Issue 20, part 2: a request the platform cannot read answers 4xx with the usual Chinese page (JSON under /api)
 * and changes nothing — never a 500. Every malformed body below is sent, with a valid CSRF cookie and token where
 * the body can carry one, to each public form route; the application and message tables must not move.
 */
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/platform/context.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';

const B = 'gk-fuzz-boundary';
const MB = 1024 * 1024;
const field = (name: string, value: string) =>
  `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const file = (i: number) =>
  `--${B}\r\nContent-Disposition: form-data; name="attachment"; filename="a${i}.txt"\r\n` +
  `Content-Type: text/plain\r\n\r\nhello\r\n`;
const end = `--${B}--\r\n`;
const multipart = `multipart/form-data; boundary=${B}`;

interface Case {
  name: string;
  contentType: string;
  body: (csrf: string) => string;
  /** The status every form route answers. */
  status: number;
}

/** Malformed bodies: each would otherwise look like a real submission (valid CSRF, the form's own fields). */
const cases: Case[] = [
  {
    name: 'multipart without a boundary',
    contentType: 'multipart/form-data',
    body: (c) => field('_csrf', c) + field('subject', 'x') + end,
    status: 400,
  },
  {
    name: 'multipart truncated after a part',
    contentType: multipart,
    body: (c) => field('_csrf', c) + field('subject', 'x'),
    status: 400,
  },
  {
    name: 'multipart truncated inside a header',
    contentType: multipart,
    body: (c) => field('_csrf', c) + `--${B}\r\nContent-Dispos`,
    status: 400,
  },
  {
    name: 'multipart whose boundary is not the declared one',
    contentType: 'multipart/form-data; boundary=another-boundary',
    body: (c) => field('_csrf', c) + end,
    status: 400,
  },
  {
    // busboy skips a part it cannot name: the form comes back with its error summary.
    name: 'multipart with a bad Content-Disposition',
    contentType: multipart,
    body: (c) => field('_csrf', c) + `--${B}\r\nContent-Disposition: form-data; name\r\n\r\nx\r\n` + end,
    status: 422,
  },
  {
    name: 'multipart with too many fields',
    contentType: multipart,
    body: (c) => field('_csrf', c) + Array.from({ length: 80 }, (_, i) => field(`f${i}`, 'x')).join('') + end,
    status: 413,
  },
  {
    name: 'multipart with too many files',
    contentType: multipart,
    body: (c) => field('_csrf', c) + Array.from({ length: 8 }, (_, i) => file(i)).join('') + end,
    status: 413,
  },
  {
    name: 'multipart with a text field over 1 MB',
    contentType: multipart,
    body: (c) => field('_csrf', c) + field('body', '长'.repeat(MB / 2)) + end,
    status: 413,
  },
  {
    name: 'invalid JSON',
    contentType: 'application/json',
    body: (c) => `{"_csrf":"${c}","subject":`,
    status: 400,
  },
  {
    name: 'an unsupported content type',
    contentType: 'application/xml',
    body: (c) => `<form><_csrf>${c}</_csrf></form>`,
    status: 415,
  },
  {
    name: 'a content type that does not parse',
    contentType: ';;; =',
    body: (c) => `_csrf=${c}`,
    status: 415,
  },
];

describeEachDatabase('HTTP: malformed requests answer 4xx and change nothing', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let ip = 0;
  // Each request from its own address, so the per-IP limits of the public forms (429) do not hide the answer.
  const nextIp = () => `10.20.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`;
  const counts = async () => ({
    messages: Number(
      (
        await ctx.db
          .selectFrom('messages')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    applications: Number(
      (
        await ctx.db
          .selectFrom('request_cases')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });

  const forms = [
    ['/zhongxing/hdjl/new', '/zhongxing/hdjl/new'],
    ['/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply'],
    ['/hugou/ysqgk/apply', '/hugou/ysqgk/apply'],
    ['/zhongxing/hdjl/track', '/zhongxing/hdjl/track'],
    ['/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status'],
  ] as const;

  test('each malformed body on each public form: its 4xx, a Chinese page, nothing stored', async () => {
    const before = await counts();
    const failures: string[] = [];
    for (const [page, action] of forms) {
      const b = new Browser(app);
      const csrf = csrfOf((await b.get(page)).body);
      for (const c of cases) {
        const res = await app.inject({
          method: 'POST',
          url: action,
          payload: c.body(csrf),
          headers: { 'content-type': c.contentType },
          cookies: { gk_csrf: b.cookie('gk_csrf')! },
          remoteAddress: nextIp(),
        });
        const title = /<title>([^<]+)<\/title>/.exec(res.body)?.[1] ?? '';
        const explained =
          c.status === 422
            ? /class="error-summary"/.test(res.body)
            : /<h1>[^<]*[\u4e00-\u9fff][^<]*<\/h1>\s*<p>[^<]*[\u4e00-\u9fff]/.test(res.body);
        if (res.statusCode !== c.status)
          failures.push(`${action} ${c.name}: ${res.statusCode}, not ${c.status}`);
        else if (!/[\u4e00-\u9fff]/.test(title) || !explained)
          failures.push(`${action} ${c.name}: no Chinese error page`);
        else if (/Unexpected end|Boundary not found|FST_|statusCode/.test(res.body))
          failures.push(`${action} ${c.name}: an English error on the page`);
      }
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(await counts(), before);
  });

  test('the JSON API answers a malformed request with a JSON error in Chinese, not a 500', async () => {
    for (const c of cases) {
      for (const url of ['/api/v1/agencies', '/api/v1/search?q=公开']) {
        const res = await app.inject({
          method: 'POST',
          url,
          payload: c.body('x'),
          headers: { 'content-type': c.contentType },
          remoteAddress: nextIp(),
        });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} ${c.name}: ${res.statusCode}`);
        const json = res.json<{ error: { message: string } }>();
        assert.match(json.error.message, /[\u4e00-\u9fff]/, `${url} ${c.name}`);
      }
    }
  });

  test('a well-formed multipart submission still goes through (the limits are not the form)', async () => {
    const b = new Browser(app);
    const csrf = csrfOf((await b.get('/zhongxing/hdjl/new')).body);
    const fields = {
      _csrf: csrf,
      kind: 'consultation',
      subject: '农村危房改造补助',
      body: '请问2025年农村危房改造补助标准是多少？',
      name: '李四',
      phone: '13900000000',
      isPublic: 'yes',
    };
    const before = (await counts()).messages;
    const res = await app.inject({
      method: 'POST',
      url: '/zhongxing/hdjl/new',
      payload:
        Object.entries(fields)
          .map(([k, v]) => field(k, v))
          .join('') + end,
      headers: { 'content-type': multipart },
      cookies: { gk_csrf: b.cookie('gk_csrf')! },
      remoteAddress: nextIp(),
    });
    assert.equal(res.statusCode, 201, res.body.slice(0, 500));
    assert.match(res.body, /留言已提交/);
    assert.equal((await counts()).messages, before + 1);
  });

  test('a CSRF cookie of non-ASCII text is refused (403), not a 500', async () => {
    // Same string length as the token sent, another length in bytes: timingSafeEqual threw on it.
    const res = await app.inject({
      method: 'POST',
      url: '/zhongxing/hdjl/track',
      payload: `_csrf=${'a'.repeat(43)}&code=x&secret=y`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `gk_csrf=${encodeURIComponent('é'.repeat(43))}`,
      },
      remoteAddress: nextIp(),
    });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /页面已过期/);
  });

  test('a URL the router cannot decode answers 400 with the Chinese page', async () => {
    for (const url of ['/zhongxing%FF/hdjl/new', '/zhongxing/xxgk/items/%E4%ZZ']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /<h1>请求有误<\/h1>/, url);
    }
  });

  test("bytes Node's HTTP parser refuses get a Chinese answer on the socket", async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as AddressInfo;
      for (const head of [
        'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n',
        `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`,
      ]) {
        const answer = await rawExchange(port, head);
        assert.match(answer, /^HTTP\/1\.1 (400|431) /);
        assert.match(answer, /请求/);
      }
    } finally {
      await app.close();
    }
  });
});

/** Writes `bytes` on a new connection and reads until the server closes it. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(bytes));
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}
