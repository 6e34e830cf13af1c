/**
 * Catalog pages under load with many items: the item page and a column page of the demo township, with
 * 100,000 generated items (small) or 1,000,000 (full) in one SQLite database, against a bare Fastify route
 * measured in the same run (`--items N` sets another count), and beside the floor: a bare route sending the same
 * page bytes and headers. Items are generated straight into the table (the generator is not what is
 * measured); the demo year before them went through the use cases. Also reports the process's memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import Fastify from 'fastify';
import type { Agency } from '../src/access/agency.js';
import { catalogStore, itemRow } from '../src/catalog/catalog.store.js';
import type { Item } from '../src/catalog/items/item.js';
import { loadConfig } from '../src/config.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { buildApp } from '../src/web/app.js';
import { appServices } from '../src/app/services.js';
import { publicContentChanged } from '../src/web/public-cache.js';
import { agenciesStore } from '../src/access/agencies.store.js';
import { figure, median, type Bench } from './bench.js';
import { bareFastify, listenLoopback, requestsPerSecond, requestsPerSecondOver } from './http.js';

const mb = () => process.memoryUsage().rss / 1024 / 1024;

/** `--items N` overrides the scale's count (100,000 small, 1,000,000 full). */
function itemsFlag(): number | undefined {
  const i = process.argv.indexOf('--items');
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Published items straight into the table: one prepared statement, one transaction, through a second
 * connection with synchronous off (the generator is not what is measured). Returns the middle item's id.
 */
function generateItems(
  path: string,
  count: number,
  agency: Agency,
  columnId: string,
): { id: string; at: string } {
  const start = Date.parse('2000-01-01T01:30:00Z');
  const item = (k: number): Item => {
    const at = new Date(start + k * 15 * 60_000).toISOString();
    return {
      id: `bench-${String(k).padStart(8, '0')}`,
      agencyId: agency.id,
      columnId,
      indexNo: `${agency.creditCode}/G-${String(k).padStart(7, '0')}`,
      status: 'published',
      title: `仲兴乡第${k}期工作动态：推进农村人居环境整治`,
      summary: '工作动态',
      issuer: agency.name,
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
      bodyHtml: '<p>近日，仲兴乡组织各村“两委”干部和党员志愿者集中清理房前屋后垃圾杂物。</p>'.repeat(4),
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
  };
  const columns = Object.keys(itemRow(item(0)));
  const raw = new Sqlite(path);
  try {
    raw.pragma('synchronous = OFF');
    const insert = raw.prepare(
      `INSERT INTO catalog_items (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    raw.transaction(() => {
      for (let k = 0; k < count; k++) {
        const row = itemRow(item(k)) as unknown as Record<string, unknown>;
        insert.run(...columns.map((c) => row[c]));
      }
    })();
  } finally {
    raw.close();
  }
  const middle = item(Math.floor(count / 2));
  return { id: middle.id, at: middle.publishedAt! };
}

/** A bare Fastify server answering each path with a recorded response's body and headers (no app work). */
async function samePageRoutes(pages: Record<string, Response>) {
  const server = Fastify({ logger: false });
  const urls: Record<string, string> = {};
  for (const [name, response] of Object.entries(pages)) {
    const body = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (!['date', 'content-length', 'connection', 'keep-alive', 'x-request-id'].includes(key))
        headers[key] = value;
    });
    server.get(`/${name}`, async (_request, reply) => reply.headers(headers).send(body));
  }
  const base = await listenLoopback(server);
  for (const name of Object.keys(pages)) urls[name] = `${base}/${name}`;
  return { item: urls.item!, column: urls.column!, close: () => server.close() };
}

const bench: Bench = {
  name: 'catalog item and column pages',
  run: async ({ scale, log }) => {
    const count = itemsFlag() ?? (scale === 'full' ? 1_000_000 : 100_000);
    const seconds = 2;
    const rounds = scale === 'full' ? 5 : 3;
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
      log(`generating ${count.toLocaleString('en')} items`);
      const t0 = Date.now();
      const middle = generateItems(path, count, zx, column.id);
      log(`generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const memBefore = mb();
      // Every page rendered afresh (cache off), and the deployed default (anonymous pages micro-cached for
      // PUBLIC_CACHE_SECONDS): the cached figure is the best case, one hot URL that always hits.
      const app = await buildApp({ ...ctx, config: { ...config, publicCacheSeconds: 0 } }, appServices(), {
        logger: false,
      });
      const cachedApp = await buildApp(ctx, appServices(), { logger: false });
      const base = await listenLoopback(app);
      const cachedBase = await listenLoopback(cachedApp);
      const bare = await bareFastify();
      try {
        const itemUrl = `${base}/zhongxing/xxgk/items/${middle.id}`;
        const columnUrl = `${base}/zhongxing/xxgk/columns/gzdt`;
        // Half-way down the column, as the pager links it (keyset cursor, no OFFSET).
        const deepUrl = `${columnUrl}?after=${encodeURIComponent(`${middle.at}~${middle.id}`)}&page=${Math.floor(count / 40)}`;
        const cachedItemUrl = `${cachedBase}/zhongxing/xxgk/items/${middle.id}`;
        const cachedColumnUrl = `${cachedBase}/zhongxing/xxgk/columns/gzdt`;
        const urls = [itemUrl, columnUrl, deepUrl, cachedItemUrl, cachedColumnUrl, bare.url];
        for (const u of urls) await requestsPerSecond(u, 1);
        // Each page alternates with the bare route round by round, so load from other processes (this machine
        // is shared) hits a page and its reference alike; each figure carries the reference of its own rounds.
        log(`measuring ${rounds} alternated rounds of ${seconds}s per page`);
        // Server and reference share this process and the load generator runs in a child, so this process's CPU
        // time per request is what serving costs here, apart from what limits the generator.
        const cpuPerRequest = async (load: () => Promise<number>, span: number) => {
          const cpu = process.cpuUsage();
          const rate = await load();
          const used = process.cpuUsage(cpu);
          return { rate, cpu: (used.user + used.system) / (rate * span) };
        };
        const measure = async (load: () => Promise<number>, span = seconds, before = () => {}) => {
          const page: Array<{ rate: number; cpu: number }> = [];
          const bareRuns: Array<{ rate: number; cpu: number }> = [];
          for (let r = 0; r < rounds; r++) {
            before();
            page.push(await cpuPerRequest(load, span));
            bareRuns.push(await cpuPerRequest(() => requestsPerSecond(bare.url, seconds), seconds));
          }
          const ref = (name: string, pick: (x: { rate: number; cpu: number }) => number) => ({
            name,
            value: median(bareRuns.map(pick)),
          });
          return {
            value: median(page.map((x) => x.rate)),
            ref: ref('bare Fastify route', (x) => x.rate),
            cpu: median(page.map((x) => x.cpu)),
            cpuRef: ref('bare Fastify route, CPU per request', (x) => x.cpu),
          };
        };
        // A working set instead of one hot URL: the newest N items of the column, requested round-robin
        // (portal traffic goes mostly to recent items). Each URL misses the micro-cache once per TTL, so a round
        // of one TTL that starts with the cache emptied (as a change does) holds the steady state's misses.
        const newest = (n: number) =>
          Array.from(
            { length: n },
            (_, k) => `/zhongxing/xxgk/items/bench-${String(count - 1 - k).padStart(8, '0')}`,
          );
        const notes = `${count.toLocaleString('en')} items in SQLite; median of ${rounds} rounds alternated with the reference`;
        const pages: Array<[string, string]> = [
          ['GET item page (rendered each time)', itemUrl],
          ['GET item page (micro-cached, hot)', cachedItemUrl],
          ['GET column page (page 1, rendered each time)', columnUrl],
          ['GET column page (half-way, by cursor, rendered)', deepUrl],
          ['GET column page (page 1, micro-cached, hot)', cachedColumnUrl],
        ];
        type Load = { label: string; load: () => Promise<number>; span?: number; before?: () => void };
        const loads: Load[] = pages.map(([label, url]) => ({
          label,
          load: () => requestsPerSecond(url, seconds),
        }));
        const ttl = config.publicCacheSeconds;
        for (const n of [1_000, 10_000].filter((n) => n <= count))
          loads.push({
            label: `GET item pages, the newest ${n.toLocaleString('en')} round-robin (micro-cached, ${ttl} s rounds from empty)`,
            load: () => requestsPerSecondOver(cachedBase, newest(n), ttl),
            span: ttl,
            before: publicContentChanged,
          });
        // The floor: a bare Fastify route sending the very bytes and headers of each cached page. It shows what
        // sending that page costs at all (security headers, a few KB of HTML) before any work of the app's.
        const floor = await samePageRoutes({
          item: await fetch(cachedItemUrl),
          column: await fetch(cachedColumnUrl),
        });
        loads.push(
          {
            label: 'floor: a bare route sending the item page’s bytes and headers',
            load: () => requestsPerSecond(floor.item, seconds),
          },
          {
            label: 'floor: a bare route sending the column page’s bytes and headers',
            load: () => requestsPerSecond(floor.column, seconds),
          },
        );
        const figures = [];
        for (const { label, load, span, before } of loads) {
          log(label);
          const m = await measure(load, span, before);
          const floorOnly = label.startsWith('floor');
          figures.push(
            figure(label, m.value, 'req/s', m.ref, 'higher', floorOnly ? { notes } : { target: 0.5, notes }),
            figure(`${label}: server CPU per request`, m.cpu, 'µs', m.cpuRef, 'lower', {
              notes: 'this process’s CPU time over the requests served (the load generator runs in a child)',
            }),
          );
        }
        await floor.close();
        const memAfter = mb();
        return [
          ...figures,
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
