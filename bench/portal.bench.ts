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
    });
    const handle = openDatabase({ kind: 'sqlite', path: join(dir, 'bench.sqlite') });
    try {
      await migrateToLatest(handle.db);
      const ctx = { db: handle.db, dialect: handle.dialect, config, now: () => new Date() };
      await loadDemo(ctx);
      const app = await buildApp(ctx, { logger: false });
      const base = await listenLoopback(app);
      const bare = await bareFastify();
      try {
        // Warm both up, then measure each for the same time with the same load.
        await requestsPerSecond(`${base}/zhongxing/`, 1);
        await requestsPerSecond(bare.url, 1);
        log(`measuring ${seconds}s each`);
        const portal = await requestsPerSecond(`${base}/zhongxing/`, seconds);
        const reference = await requestsPerSecond(bare.url, seconds);
        return [
          figure(
            'GET /zhongxing/ (demo township home)',
            portal,
            'req/s',
            { name: 'bare Fastify route', value: reference },
            'higher',
          ),
        ];
      } finally {
        await app.close();
        await bare.close();
      }
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
