/**
 * Catalog pages under load with many items: the item page and a column page of the demo township, with
 * 100,000 generated items (small) or 1,000,000 (full) in one SQLite database, against a bare Fastify route
 * measured in the same run. Items are generated straight into the table (the generator is not what is
 * measured); the demo year before them went through the use cases. Also reports the process's memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { catalogStore, itemRow } from '../src/catalog/catalog.store.js';
import type { Item } from '../src/catalog/item.js';
import { loadConfig } from '../src/config.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { buildApp } from '../src/web/app.js';
import { agenciesStore } from '../src/agencies/agencies.store.js';
import { figure, type Bench } from './bench.js';
import { bareFastify, listenLoopback, requestsPerSecond } from './http.js';

const mb = () => process.memoryUsage().rss / 1024 / 1024;

const bench: Bench = {
  name: 'catalog item and column pages',
  run: async ({ scale, log }) => {
    const count = scale === 'full' ? 1_000_000 : 100_000;
    const seconds = scale === 'full' ? 10 : 4;
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-catalog-'));
    const path = join(dir, 'bench.sqlite');
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SQLITE_PATH: path,
      JOBS_ENABLED: 'false',
      // Demo data includes requests, whose personal data is encrypted.
      DATA_KEY: 'ab'.repeat(32),
    });
    const handle = openDatabase({ kind: 'sqlite', path });
    try {
      await migrateToLatest(handle.db);
      const ctx = { db: handle.db, dialect: handle.dialect, config, now: () => new Date() };
      await loadDemo(ctx);
      const zx = (await agenciesStore.byPathSegment(handle.db, 'zhongxing'))!;
      const column = (await catalogStore.columnByCode(handle.db, zx.id, 'gzdt'))!;
      log(`generating ${count} items`);
      const start = Date.parse('2000-01-01T01:30:00Z');
      let middle = '';
      const batch = 500;
      for (let n = 0; n < count; n += batch) {
        await handle.db.transaction().execute(async (tx) => {
          const rows = [];
          for (let k = n; k < Math.min(count, n + batch); k++) {
            const at = new Date(start + k * 15 * 60_000).toISOString();
            const id = randomUUID();
            if (k === Math.floor(count / 2)) middle = id;
            const item: Item = {
              id,
              agencyId: zx.id,
              columnId: column.id,
              indexNo: `11340323MB04000046/G-${String(k).padStart(7, '0')}`,
              status: 'published',
              title: `仲兴乡第${k}期工作动态：推进农村人居环境整治`,
              summary: '工作动态',
              issuer: zx.name,
              writtenOn: at.slice(0, 10),
              publishedOn: at.slice(0, 10),
              publishedAt: at,
              docNo: '',
              subjectCode: '10',
              genre: '动态',
              fiveKind: null,
              keyDomain: null,
              keywords: '',
              source: '',
              validity: 'in_force',
              bodyHtml: '<p>近日，仲兴乡组织各村“两委”干部和党员志愿者集中清理房前屋后垃圾杂物。</p>'.repeat(
                4,
              ),
              normative: false,
              interpretsId: null,
              interpretationExemption: '',
              effectiveOn: null,
              expiresOn: null,
              repealedOn: null,
              validityNote: '',
              spanWorkdays: 1,
              late: false,
              revision: 1,
              withdrawReason: '',
              standardEntryId: null,
              approvals: [],
              createdBy: 'bench',
              createdAt: at,
              updatedAt: at,
            };
            rows.push(itemRow(item));
          }
          await tx.insertInto('catalog_items').values(rows).execute();
        });
      }
      const memBefore = mb();
      // Every page rendered afresh (cache off), and the deployed default (anonymous pages micro-cached for
      // PUBLIC_CACHE_SECONDS): the cached figure is the best case, one hot URL that always hits.
      const app = await buildApp({ ...ctx, config: { ...config, publicCacheSeconds: 0 } }, { logger: false });
      const cachedApp = await buildApp(ctx, { logger: false });
      const base = await listenLoopback(app);
      const cachedBase = await listenLoopback(cachedApp);
      const bare = await bareFastify();
      try {
        const itemUrl = `${base}/zhongxing/xxgk/items/${middle}`;
        const columnUrl = `${base}/zhongxing/xxgk/columns/gzdt`;
        const cachedItemUrl = `${cachedBase}/zhongxing/xxgk/items/${middle}`;
        for (const u of [itemUrl, columnUrl, cachedItemUrl, bare.url]) await requestsPerSecond(u, 1);
        log(`measuring ${seconds}s each`);
        const item = await requestsPerSecond(itemUrl, seconds);
        const col = await requestsPerSecond(columnUrl, seconds);
        const cachedItem = await requestsPerSecond(cachedItemUrl, seconds);
        const reference = await requestsPerSecond(bare.url, seconds);
        const memAfter = mb();
        const ref = { name: 'bare Fastify route', value: reference };
        const notes = `${count.toLocaleString('en')} items in SQLite`;
        return [
          figure('GET item page (rendered each time)', item, 'req/s', ref, 'higher', { target: 0.5, notes }),
          figure('GET item page (micro-cached, hot)', cachedItem, 'req/s', ref, 'higher', {
            target: 0.5,
            notes,
          }),
          figure('GET column page (page 1, cached total)', col, 'req/s', ref, 'higher', {
            target: 0.5,
            notes,
          }),
          figure(
            'process RSS after the load',
            memAfter,
            'MB',
            { name: 'RSS before the app was built', value: memBefore },
            'lower',
            { notes: 'server, load generator and reference in one process' },
          ),
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
