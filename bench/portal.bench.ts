/**
 * Portal home page of the demo township (real app, SQLite, demo data) against a bare Fastify route,
 * both loaded by autocannon in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { buildApp } from '../src/web/app.js';
import { appServices } from '../src/app/services.js';
import { figure, type Bench } from './bench.js';
import { bareFastify, listenLoopback, requestsPerSecond } from './http.js';

const bench: Bench = {
  name: 'portal home page',
  run: async ({ scale, log }) => {
    const seconds = scale === 'full' ? 10 : 4;
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SQLITE_PATH: join(dir, 'bench.sqlite'),
      JOBS_ENABLED: 'false',
      // Demo data includes requests, whose personal data is encrypted.
      DATA_KEY: 'ab'.repeat(32),
    });
    const handle = openDatabase({ kind: 'sqlite', path: join(dir, 'bench.sqlite') });
    try {
      await migrateToLatest(handle.db);
      const ctx = { db: handle.db, dialect: handle.dialect, config, now: () => new Date() };
      await loadDemo(ctx);
      // Rendered on every request (cache off), and as deployed (micro-cached; one hot URL, the best case).
      const app = await buildApp({ ...ctx, config: { ...config, publicCacheSeconds: 0 } }, appServices(), {
        logger: false,
      });
      const cachedApp = await buildApp(ctx, appServices(), { logger: false });
      const base = await listenLoopback(app);
      const cachedBase = await listenLoopback(cachedApp);
      const bare = await bareFastify();
      try {
        // Warm all up, then measure each for the same time with the same load.
        for (const url of [`${base}/zhongxing/`, `${cachedBase}/zhongxing/`, bare.url])
          await requestsPerSecond(url, 1);
        log(`measuring ${seconds}s each`);
        const portal = await requestsPerSecond(`${base}/zhongxing/`, seconds);
        const cached = await requestsPerSecond(`${cachedBase}/zhongxing/`, seconds);
        const reference = await requestsPerSecond(bare.url, seconds);
        const ref = { name: 'bare Fastify route', value: reference };
        return [
          figure('GET /zhongxing/ (demo township home, rendered each time)', portal, 'req/s', ref, 'higher'),
          figure('GET /zhongxing/ (micro-cached, hot)', cached, 'req/s', ref, 'higher'),
        ];
      } finally {
        await app.close();
        await cachedApp.close();
        await bare.close();
      }
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
