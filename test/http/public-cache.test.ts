import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { agencyToForm } from '../../src/agencies/agencies.admin.js';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { systemActor } from '../../src/platform/actor.js';
import { updateAgency } from '../../src/agencies/save-agency.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import type { AppContext } from '../../src/platform/context.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { buildApp } from '../../src/web/app.js';
import { appServices } from '../../src/app/services.js';
import { publicContentChanged } from '../../src/web/public-cache.js';
import { testConfig } from '../support/context.js';
import { freshDatabase } from '../support/db.js';
import { Browser } from '../support/http.js';
import { testNow } from '../support/clock.js';

let handle: DatabaseHandle;
let ctx: AppContext;
let app: FastifyInstance;

before(async () => {
  handle = await freshDatabase('sqlite');
  ctx = {
    db: handle.db,
    dialect: handle.dialect,
    config: testConfig({ PUBLIC_CACHE_SECONDS: '60' }),
    now: testNow,
  };
  await loadDemo(ctx);
  app = await buildApp(ctx, appServices(), { logger: false });
});
after(async () => {
  await app.close();
  await handle.close();
});

test('an anonymous portal page is served from the cache until a change on this node clears it', async () => {
  const first = await app.inject({ url: '/zhongxing/xxgk/guide' });
  assert.equal(first.statusCode, 200);
  assert.equal(first.headers['x-cache'], undefined);
  const second = await app.inject({ url: '/zhongxing/xxgk/guide' });
  assert.equal(second.headers['x-cache'], 'hit');
  assert.equal(second.body, first.body);
  assert.ok(second.headers['content-security-policy'], 'security headers are still sent on a hit');

  // A change made outside HTTP that nobody announces (only catalog use cases announce themselves, see
  // content-version.test.ts) stays cached until the TTL; a change through HTTP clears at once.
  const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
  await updateAgency(ctx, systemActor(), zx.id, { ...zx, office: { ...zx.office, phone: '0552-6511111' } });
  assert.doesNotMatch((await app.inject({ url: '/zhongxing/xxgk/guide' })).body, /0552-6511111/);
  const b = new Browser(app);
  await b.login('zx-admin');
  assert.equal(
    (await app.inject({ url: '/zhongxing/xxgk/guide' })).headers['x-cache'],
    'hit',
    'signing in changes nothing the public sees',
  );
  const page = `/admin/agencies/${zx.id}`;
  const form = { ...agencyToForm((await agenciesStore.byId(ctx.db, zx.id))!) } as Record<string, string>;
  assert.equal((await b.submit(page, page, { ...form, 'office.phone': '0552-6512222' })).statusCode, 303);
  const fresh = await app.inject({ url: '/zhongxing/xxgk/guide' });
  assert.equal(fresh.headers['x-cache'], undefined);
  assert.match(fresh.body, /0552-6512222/);
});

test('pages with forms, elder mode and admin pages are never shared', async () => {
  await app.inject({ url: '/admin/login' });
  assert.equal((await app.inject({ url: '/admin/login' })).headers['x-cache'], undefined);
  await app.inject({ url: '/zhongxing/' });
  const elder = await app.inject({ url: '/zhongxing/', cookies: { gk_mode: 'elder' } });
  assert.equal(elder.headers['x-cache'], undefined, 'the elder page is cached apart from the normal one');
  assert.match(elder.body, /<body class="elder">/);
  const apply = await app.inject({ url: '/zhongxing/ysqgk/apply' });
  if (apply.statusCode === 200) {
    assert.equal((await app.inject({ url: '/zhongxing/ysqgk/apply' })).headers['x-cache'], undefined);
  }
});

/** Headers of a response without the ones that differ per response by design. */
const stable = (h: Record<string, unknown>) => {
  const { 'x-request-id': _id, 'x-cache': _cache, date: _date, ...rest } = h;
  return rest;
};

test('a hit replays the miss exactly: status, every header (security headers too) and body', async () => {
  const url = '/zhongxing/xxgk/';
  publicContentChanged();
  const miss = await app.inject({ url });
  assert.equal(miss.statusCode, 200);
  assert.equal(miss.headers['x-cache'], undefined);
  const hit = await app.inject({ url });
  assert.equal(hit.headers['x-cache'], 'hit');
  assert.equal(hit.statusCode, miss.statusCode);
  assert.deepEqual(stable(hit.headers), stable(miss.headers));
  assert.ok(hit.headers['content-security-policy'] && hit.headers['x-frame-options']);
  assert.match(String(hit.headers['content-type']), /^text\/html/);
  assert.equal(hit.body, miss.body);
  assert.notEqual(hit.headers['x-request-id'], miss.headers['x-request-id'], 'each response has its own id');
  const head = await app.inject({ method: 'HEAD', url });
  assert.equal(head.headers['x-cache'], 'hit');
  assert.equal(head.body, '');
});

test('a signed-in user never gets a cached page, and never fills the cache', async () => {
  const url = '/zhongxing/xxgk/guide';
  publicContentChanged();
  const b = new Browser(app);
  await b.login('zx-admin');
  assert.ok(b.cookie('gk_session'));
  const first = await b.get(url);
  assert.equal(first.statusCode, 200);
  assert.equal((await b.get(url)).headers['x-cache'], undefined, 'not served from the cache');
  assert.equal(
    (await app.inject({ url })).headers['x-cache'],
    undefined,
    "the signed-in user's page was not stored",
  );
  assert.equal((await app.inject({ url })).headers['x-cache'], 'hit');
  assert.equal((await b.get(url)).headers['x-cache'], undefined, 'a hit exists, yet the user still misses');
});

test('the elder-mode cookie keys the cache: each mode gets its own page', async () => {
  const url = '/zhongxing/xxgk/guide';
  publicContentChanged();
  const normal = await app.inject({ url });
  const elder = await app.inject({ url, cookies: { gk_mode: 'elder' } });
  assert.equal(elder.headers['x-cache'], undefined);
  const elderHit = await app.inject({ url, headers: { cookie: 'other=1; gk_mode=elder' } });
  assert.equal(elderHit.headers['x-cache'], 'hit');
  assert.match(elderHit.body, /<body class="elder">/);
  const normalHit = await app.inject({ url, cookies: { gk_mode: 'standard' } });
  assert.equal(normalHit.headers['x-cache'], 'hit');
  assert.doesNotMatch(normalHit.body, /<body class="elder">/);
  assert.equal(normalHit.body, normal.body);
});
