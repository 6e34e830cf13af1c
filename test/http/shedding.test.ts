/**
 * Load shedding over HTTP on the demo platform (issue 20, part 3): every threshold is forced, never waited for
 * by machine speed — a heap threshold of 1 MB is over from the first sample; the event loop is kept late by a
 * timer that blocks it 30 ms on every turn; an expensive class is full because the test holds its slots.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { appServices } from '../../src/app/services.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { buildApp } from '../../src/web/app.js';
import { testContext, testConfig } from '../support/context.js';
import { demoDatabase, freshDatabase } from '../support/db.js';

const search = `/search?q=${encodeURIComponent('河长')}`;

/** The demo app with `env`, ready and past the two samples after which shedding is armed (pressure.ts). */
async function appWith(handle: DatabaseHandle, env: Record<string, string>): Promise<FastifyInstance> {
  const config = testConfig(env);
  const app = await buildApp(testContext(handle, { config }), appServices(), { logger: false });
  await app.ready();
  await sleep(2 * config.pressure.sampleMs + 10);
  return app;
}

/** Waits (polling, bounded only so that a broken sampler fails instead of hanging) for the plugin's verdict. */
async function until(app: FastifyInstance, pressure: boolean) {
  for (let i = 0; i < 1000 && app.isUnderPressure() !== pressure; i++) await sleep(10);
  assert.equal(app.isUnderPressure(), pressure, `under pressure should become ${pressure}`);
}

describe('load shedding', () => {
  let handle: DatabaseHandle;
  before(async () => {
    handle = await demoDatabase('sqlite');
  });
  after(async () => handle.close());

  test('over the heap threshold pages answer 503 with Retry-After and the Chinese page, the API JSON', async () => {
    const app = await appWith(handle, { PRESSURE_MAX_HEAP_MB: '1', PRESSURE_SAMPLE_MS: '50' });
    try {
      await until(app, true);
      const page = await app.inject('/zhongxing/');
      assert.equal(page.statusCode, 503);
      assert.equal(page.headers['retry-after'], '5');
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.match(page.body, /<h1>系统繁忙<\/h1>/);
      assert.match(page.body, /系统繁忙，请稍后再试。（约 5 秒后可重试）/);
      assert.doesNotMatch(page.body, /Service Unavailable|FST_UNDER_PRESSURE/);
      const api = await app.inject(`/api/v1/search?q=${encodeURIComponent('河长')}`);
      assert.equal(api.statusCode, 503);
      assert.equal(api.headers['retry-after'], '5');
      assert.match(api.json<{ error: { message: string } }>().error.message, /系统繁忙/);
      // The busy page's stylesheet is not shed.
      assert.equal((await app.inject('/static/site.css')).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test('/healthz stays 200 and reports the pressure; /readyz answers 503 with Retry-After', async () => {
    const app = await appWith(handle, {
      PRESSURE_MAX_HEAP_MB: '1',
      PRESSURE_SAMPLE_MS: '50',
      RETRY_AFTER_SECONDS: '7',
    });
    try {
      await until(app, true);
      const health = await app.inject('/healthz');
      assert.equal(health.statusCode, 200);
      const body = health.json<{ status: string; database: string; pressure: Record<string, unknown> }>();
      assert.equal(body.status, 'ok');
      assert.equal(body.database, 'sqlite');
      assert.equal(body.pressure.underPressure, true);
      assert.ok((body.pressure.heapUsedMb as number) > 1);
      for (const key of ['eventLoopUtilization', 'rssMb'])
        assert.equal(typeof body.pressure[key], 'number', key);
      // null when the loop had no turn at all in the last interval (building the app can take all of the first).
      assert.ok(
        body.pressure.eventLoopDelayMs === null || typeof body.pressure.eventLoopDelayMs === 'number',
      );
      const ready = await app.inject('/readyz');
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.headers['retry-after'], '7');
      assert.equal(ready.json<{ status: string }>().status, 'busy');
    } finally {
      await app.close();
    }
  });

  test('a late event loop is shed while it stays late and served again once it catches up', async () => {
    const app = await appWith(handle, { PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '1', PRESSURE_SAMPLE_MS: '50' });
    // Every turn of the loop is at least 30 ms: the loop's delay is far over 1 ms on any machine.
    const blocker = setInterval(() => {
      const end = performance.now() + 30;
      while (performance.now() < end);
    }, 1);
    try {
      await until(app, true);
      const shed = await app.inject('/zhongxing/');
      assert.equal(shed.statusCode, 503);
      assert.ok(shed.headers['retry-after']);
      assert.equal((await app.inject('/healthz')).statusCode, 200);
      assert.equal((await app.inject('/readyz')).statusCode, 503);
    } finally {
      clearInterval(blocker);
    }
    try {
      await until(app, false);
      assert.equal((await app.inject('/zhongxing/')).statusCode, 200);
      assert.equal((await app.inject('/readyz')).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test('without pressure /readyz answers 200 ready and /healthz reports no pressure', async () => {
    const app = await appWith(handle, { PRESSURE_SAMPLE_MS: '50' });
    try {
      const ready = await app.inject('/readyz');
      assert.equal(ready.statusCode, 200);
      assert.equal(ready.json<{ status: string }>().status, 'ready');
      const health = await app.inject('/healthz');
      assert.equal(health.json<{ pressure: { underPressure: boolean } }>().pressure.underPressure, false);
    } finally {
      await app.close();
    }
  });

  test('with the database unreachable /readyz answers 503 unavailable', async () => {
    const gone = await freshDatabase('sqlite');
    const app = await appWith(gone, {});
    try {
      await gone.close();
      const ready = await app.inject('/readyz');
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.json<{ status: string }>().status, 'unavailable');
      assert.equal((await app.inject('/healthz')).statusCode, 503);
    } finally {
      await app.close();
    }
  });

  test('a full class of expensive requests answers 503 at once while the portal still answers 200', async () => {
    const app = await appWith(handle, {
      SEARCH_CONCURRENCY: '2',
      EXPORT_CONCURRENCY: '1',
      EXPENSIVE_QUEUE: '0',
    });
    try {
      const limits = app.expensiveLimits!;
      // Two searches in progress (the test holds their slots): a third is refused, whichever route it takes.
      const held = await Promise.all([
        limits.semaphores.search.tryAcquire()!,
        limits.semaphores.search.tryAcquire()!,
      ]);
      for (const url of [search, `/zhongxing/search?q=${encodeURIComponent('河长')}`]) {
        const busy = await app.inject(url);
        assert.equal(busy.statusCode, 503, url);
        assert.equal(busy.headers['retry-after'], '5');
        assert.match(busy.body, /当前检索的人较多，系统繁忙，请稍后再试。/);
      }
      const api = await app.inject(`/api/v1/search?q=${encodeURIComponent('河长')}`);
      assert.equal(api.statusCode, 503);
      assert.match(api.json<{ error: { message: string } }>().error.message, /检索/);
      // The portal and the other classes are not affected.
      assert.equal((await app.inject('/zhongxing/')).statusCode, 200);
      assert.equal((await app.inject('/zhongxing/xxgk/ndbg/2020.docx')).statusCode, 200);
      for (const release of held) release();
      assert.equal((await app.inject(search)).statusCode, 200);
      // The annual report's DOCX is an export: one at a time here.
      const release = await limits.semaphores.export.tryAcquire()!;
      const docx = await app.inject('/zhongxing/xxgk/ndbg/2020.docx');
      assert.equal(docx.statusCode, 503);
      assert.match(docx.body, /当前导出文件的请求较多/);
      release();
      assert.equal((await app.inject('/zhongxing/xxgk/ndbg/2020.docx')).statusCode, 200);
    } finally {
      await app.close();
    }
  });
});
