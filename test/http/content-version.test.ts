// Two app nodes on one database, as behind a load balancer: node A runs in this process, node B is the real
// server (`gongkai serve`) in a child process. Both keep portal pages for 60 s; a change on A, or by a use case
// outside HTTP (a job, the CLI), must show on B within its content-version poll, not after the cache TTL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { agencyToForm } from '../../src/agencies/agencies.admin.js';
import { systemActor } from '../../src/platform/actor.js';
import { withdrawItem } from '../../src/catalog/items/withdraw-item.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { readContentVersion } from '../../src/platform/content-version.js';
import type { AppContext } from '../../src/platform/context.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { buildApp } from '../../src/web/app.js';
import { appServices } from '../../src/app/services.js';
import { testConfig } from '../support/context.js';
import { sharedDatabase, testDatabaseKinds } from '../support/db.js';
import { Browser } from '../support/http.js';
import { testNow } from '../support/clock.js';

const CACHE_SECONDS = '60';
/** Far below the 60 s TTL, far above the 1 s poll: a page that turns fresh before this did so by the poll. */
const WITHIN_MS = 15_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `gongkai serve` on the shared database; resolves with its base URL once it listens. */
async function startNode(env: Record<string, string>): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/gongkai.js', 'serve'], {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      JOBS_ENABLED: 'false',
      DATA_KEY: 'ab'.repeat(32),
      PUBLIC_CACHE_SECONDS: CACHE_SECONDS,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node B did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('已启动')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`node B exited (${code}):\n${output}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

/** Fetch `url` from node B until `fresh` holds, or fail after WITHIN_MS. */
async function eventually(url: string, fresh: (r: { status: number; body: string }) => boolean) {
  const deadline = Date.now() + WITHIN_MS;
  for (;;) {
    const res = await fetch(url);
    const seen = { status: res.status, body: await res.text() };
    if (fresh(seen)) return;
    if (Date.now() > deadline) assert.fail(`node B still served the old page of ${url} (${seen.status})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const kind of testDatabaseKinds()) {
  void describe(`content version across nodes [${kind}]`, () => {
    let handle: DatabaseHandle;
    let ctx: AppContext;
    let nodeA: FastifyInstance;
    let nodeB: { base: string; child: ChildProcess };

    before(async () => {
      const shared = await sharedDatabase(kind);
      handle = shared.handle;
      ctx = {
        db: handle.db,
        dialect: handle.dialect,
        config: testConfig({ PUBLIC_CACHE_SECONDS: CACHE_SECONDS }),
        now: testNow,
      };
      await loadDemo(ctx);
      nodeA = await buildApp(ctx, appServices(), { logger: false });
      nodeB = await startNode(shared.env);
    });
    after(async () => {
      nodeB?.child.kill('SIGTERM');
      if (nodeB && nodeB.child.exitCode === null)
        await new Promise((resolve) => nodeB.child.once('exit', resolve));
      await nodeA?.close();
      await handle?.close();
    });

    test('a withdrawal by a use case outside HTTP leaves node B’s cache within a poll', async () => {
      const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
      const item = await ctx.db
        .selectFrom('catalog_items')
        .select('id')
        .where('agency_id', '=', zx.id)
        .where('status', '=', 'published')
        .orderBy('published_at', 'desc')
        .executeTakeFirstOrThrow();
      const url = `${nodeB.base}/zhongxing/xxgk/items/${item.id}`;
      assert.equal((await fetch(url)).status, 200);
      const again = await fetch(url);
      assert.equal(again.headers.get('x-cache'), 'hit', 'node B holds the page');

      const before = await readContentVersion(ctx.db);
      await withdrawItem(ctx, systemActor('测试'), item.id, '内容有误，撤回');
      assert.equal(await readContentVersion(ctx.db), before + 1, 'the withdrawal announced itself once');
      await eventually(url, (r) => r.status !== 200);
    });

    test('a staff change through node A’s admin shows on node B within a poll; signing in does not count', async () => {
      const url = `${nodeB.base}/zhongxing/xxgk/guide`;
      await fetch(url);
      assert.equal((await fetch(url)).headers.get('x-cache'), 'hit');

      const b = new Browser(nodeA);
      const before = await readContentVersion(ctx.db);
      await b.login('zx-admin');
      assert.equal(await readContentVersion(ctx.db), before, 'signing in changes nothing the public sees');

      const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
      const page = `/admin/agencies/${zx.id}`;
      const saved = await b.submit(page, page, {
        ...agencyToForm(zx),
        'office.phone': '0552-6519999',
      });
      assert.equal(saved.statusCode, 303);
      assert.equal(await readContentVersion(ctx.db), before + 1);
      const onA = await nodeA.inject({ url: '/zhongxing/xxgk/guide' });
      assert.match(onA.body, /0552-6519999/, 'node A shows its own change at once');
      await eventually(url, (r) => r.body.includes('0552-6519999'));
    });
  });
}
