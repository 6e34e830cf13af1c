/**
 * Behind one reverse proxy (TRUST_PROXY=1) the client is the address the proxy appended to X-Forwarded-For:
 * addresses a client writes before it lift neither the per-address login limit nor the application challenge.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { loadDemo } from '../../src/demo/load-demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { buildApp } from '../../src/web/app.js';
import { appServices } from '../../src/app/services.js';
import { testConfig, testContext } from '../support/context.js';
import { describeEachDatabase } from '../support/db.js';
import { csrfOf } from '../support/http.js';

const PROXY = '10.0.0.2';
const application = {
  applicantKind: 'natural',
  name: '孙八',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800001357',
  infoTitle: '仲兴乡2026年防汛物资采购清单',
  form: 'electronic',
  delivery: 'online',
  website: '',
};

describeEachDatabase('trusted proxy hops', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let spoof = 0;
  before(async () => {
    ctx = testContext(handle(), {
      config: testConfig({ TRUST_PROXY: '1', REQUEST_CHALLENGE_THRESHOLD: '2' }),
    });
    await loadDemo(ctx);
    app = await buildApp(ctx, appServices(), { logger: false });
  });
  after(async () => app.close());

  /** One visitor at `client` behind the proxy, who writes a new made-up address into each request. */
  const visitor = (client: string) => {
    const cookies: Record<string, string> = {};
    const send = async (o: InjectOptions) => {
      const res = await app.inject({
        ...o,
        remoteAddress: PROXY,
        headers: { ...o.headers, 'x-forwarded-for': `203.0.113.${++spoof % 250}, ${client}` },
        cookies,
      });
      for (const c of res.cookies) cookies[c.name] = c.value;
      return res;
    };
    const submit = async (url: string, form: Record<string, string>) => {
      const page = await send({ method: 'GET', url });
      return send({
        method: 'POST',
        url,
        payload: new URLSearchParams({ _csrf: csrfOf(page.body), ...form }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    };
    return { send, submit };
  };

  test('spoofed X-Forwarded-For does not lift the per-address login limit', async () => {
    const v = visitor('198.51.100.7');
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) {
      codes.push(
        (await v.submit('/admin/login', { username: 'nobody-here', password: 'wrong-wrong' })).statusCode,
      );
    }
    assert.ok(codes.includes(429), `one client is limited whatever it writes: ${codes.join(',')}`);
    const other = visitor('198.51.100.8');
    const page = await other.send({ method: 'GET', url: '/admin/login' });
    assert.equal(page.statusCode, 200);
  });

  test('spoofed X-Forwarded-For does not avoid the application challenge', async () => {
    const v = visitor('198.51.100.9');
    for (let i = 0; i < 2; i++) {
      assert.equal((await v.submit('/zhongxing/ysqgk/apply', application)).statusCode, 303);
    }
    const form = await v.send({ method: 'GET', url: '/zhongxing/ysqgk/apply' });
    assert.match(form.body, /challengeAnswer/, 'the same client is challenged');
    const other = await visitor('198.51.100.10').send({ method: 'GET', url: '/zhongxing/ysqgk/apply' });
    assert.doesNotMatch(other.body, /challengeAnswer/, 'another client behind the same proxy is not');
  });
});
