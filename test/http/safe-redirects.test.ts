/**
 * Issue 21: no `back` / `next` parameter sends the browser off the site (src/web/safe-redirect.ts). On main
 * `/mode/elder?back=/%5Cevil.example/x` answered `Location: /\evil.example/x`, which browsers follow to
 * evil.example; `back=/%09/evil.example` too (browsers drop the tab).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';
import { demoPassword } from '../../src/demo/demo-agencies.js';

const evil = [
  '/%5Cevil.example/x',
  '/%09/evil.example',
  '//evil',
  'https://evil',
  '/%5C%5Cevil',
  '/%0A/evil.example',
  '%2F%2Fevil',
];

describeEachDatabase('safe redirects', ({ handle }) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await demoApp(handle()));
  });
  after(async () => app.close());

  test('elder mode goes back only to a path on this site', async () => {
    for (const back of evil) {
      const res = await app.inject({ url: `/mode/elder?back=${back}` });
      assert.equal(res.statusCode, 302, back);
      assert.equal(res.headers.location, '/', back);
    }
    for (const back of ['/zhongxing/', '/zhongxing/xxgk/guide', '/']) {
      const res = await app.inject({ url: `/mode/standard?back=${encodeURIComponent(back)}` });
      assert.equal(res.headers.location, back);
    }
  });

  test('after signing in, next leads only to an admin page on this site', async () => {
    for (const next of [...evil, '/%5Cadmin', '/zhongxing/']) {
      const page = await app.inject({ url: `/admin/login?next=${next}` });
      assert.match(page.body, /name="next" value="\/admin\/"/, next);
    }
    const signIn = async (next: string) => {
      const b = new Browser(app);
      const page = await b.get('/admin/login');
      return b.post('/admin/login', {
        _csrf: csrfOf(page.body),
        username: 'zx-editor',
        password: demoPassword,
        next,
      });
    };
    assert.equal((await signIn('/admin\\evil.example')).headers.location, '/admin/');
    assert.equal((await signIn('/admin/\t/evil.example')).headers.location, '/admin/');
    assert.equal((await signIn('/admin/catalog?x=1')).headers.location, '/admin/catalog?x=1');
  });
});
