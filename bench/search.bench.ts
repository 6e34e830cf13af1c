/**
 * Full-text search at scale: a generated corpus of Chinese government text (bodies of 300–5,000 characters)
 * indexed through the real engine on SQLite (and PostgreSQL when DATABASE_URL is set), then a ranked first
 * page (relevance, 10 hits, with total) timed by query kind — 2-character, rare, common, two words — beside a
 * brute-force substring scan over the normalised texts held in memory (the floor reference). Recall is the
 * share of the scan's matches the index finds. Also index size (beside the normalised text's size) and build
 * time (beside storing the same rows without the bigram index).
 *
 * Corpus size: `--scale small` 20,000 items; `--scale full` 200,000 then 1,000,000 (the headline run:
 * mind the disk and the time); `SEARCH_BENCH_DOCS=50000` picks one size.
 */
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { figure, percentile, type Bench, type BenchFigure } from './bench.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { generateCorpus } from '../src/search/corpus.js';
import { documentText } from '../src/search/engine.js';
import { queryTerms } from '../src/search/normalise.js';
import { postgresSearchIndex } from '../src/search/postgres-index.js';
import type { SearchIndex } from '../src/search/search-index.js';
import { sqliteSearchIndex } from '../src/search/sqlite-index.js';

const queries: Record<string, string[]> = {
  '2-character': ['河长', '沱河', '低保', '防汛', '审批', '养老', '耕地', '秸秆'],
  rare: ['鼋头渚', '饕餮纹', '氍毹', '甪直', '鄱阳湖区', '蔺家窑'],
  common: ['工作', '加强组织领导', '各乡镇人民政府', '现将有关事项通知如下', '管理', '服务'],
  'two words': ['食品安全 仲兴乡', '乡村振兴 工作', '营商环境 落实', '危房改造 濠城镇', '防汛抗旱 加强'],
};
const rounds = 3;

interface Built {
  kind: 'sqlite' | 'postgres';
  handle: DatabaseHandle;
  index: SearchIndex;
  buildMs: number;
  indexBytes: number;
  dispose: () => Promise<void>;
}

async function freshPostgres(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `gk_bench_search_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function build(kind: 'sqlite' | 'postgres', docs: number, log: (l: string) => void): Promise<Built> {
  let handle: DatabaseHandle;
  let dispose: () => Promise<void>;
  let dir = '';
  if (kind === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'gk-search-'));
    handle = openDatabase({ kind: 'sqlite', path: join(dir, 'bench.sqlite') });
    dispose = async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const p = await freshPostgres();
    handle = p.handle;
    dispose = p.drop;
  }
  await migrateToLatest(handle.db);
  const index = kind === 'sqlite' ? sqliteSearchIndex() : postgresSearchIndex();
  const started = performance.now();
  let batch: ReturnType<typeof generateCorpus> extends Generator<infer D> ? D[] : never = [];
  let done = 0;
  const flush = async () => {
    const b = batch;
    batch = [];
    await handle.db.transaction().execute(async (tx) => {
      for (const d of b) await index.upsert(tx, d);
    });
    done += b.length;
    if (done % 10_000 === 0) log(`${kind}: indexed ${done}/${docs}`);
  };
  for (const d of generateCorpus({ seed: 2026, agencies: agencyIds, count: docs })) {
    batch.push(d);
    if (batch.length === 1000) await flush();
  }
  if (batch.length) await flush();
  if (kind === 'postgres') await sql`VACUUM ANALYZE search_docs`.execute(handle.db);
  else await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(handle.db);
  const buildMs = performance.now() - started;
  let indexBytes: number;
  if (kind === 'sqlite') {
    indexBytes = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  } else {
    const r = await sql<{ n: number }>`SELECT pg_total_relation_size('search_docs')::bigint AS n`.execute(
      handle.db,
    );
    indexBytes = Number(r.rows[0]!.n);
  }
  return { kind, handle, index, buildMs, indexBytes, dispose };
}

const agencyIds = Array.from({ length: 200 }, (_, i) => `agency-${i}`);

/** The floor reference: every normalised text in memory, a substring test per text, newest 10 by date. */
function scanner(docs: number) {
  const texts: string[] = [];
  const days: string[] = [];
  const published: boolean[] = [];
  for (const d of generateCorpus({ seed: 2026, agencies: agencyIds, count: docs })) {
    texts.push(documentText(d));
    days.push(d.publishedOn);
    published.push(d.status === 'published');
  }
  return {
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
    scan(q: string): number[] {
      const terms = queryTerms(q);
      const hits: number[] = [];
      for (let i = 0; i < texts.length; i++)
        if (published[i] && terms.every((t) => texts[i]!.includes(t))) hits.push(i);
      hits.sort((a, b) => (days[b]! < days[a]! ? -1 : 1));
      return hits;
    },
  };
}

async function sizeRun(docs: number, log: (l: string) => void): Promise<BenchFigure[]> {
  const out: BenchFigure[] = [];
  const t0 = performance.now();
  const reference = scanner(docs);
  const prepMs = performance.now() - t0;
  log(`${docs} items generated and normalised in ${(prepMs / 1000).toFixed(1)} s`);
  const scanMs: Record<string, number[]> = {};
  const expected = new Map<string, number>();
  for (const [kind, list] of Object.entries(queries)) {
    scanMs[kind] = [];
    for (let r = 0; r < rounds; r++)
      for (const q of list) {
        const s = performance.now();
        const hits = reference.scan(q);
        scanMs[kind].push(performance.now() - s);
        expected.set(q, hits.length);
      }
  }
  const kinds: Array<'sqlite' | 'postgres'> = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const dbKind of kinds) {
    const b = await build(dbKind, docs, log);
    try {
      out.push(
        figure(
          `${dbKind} ${docs}: index build`,
          b.buildMs / 1000,
          's',
          { name: 'generate + normalise the corpus only', value: prepMs / 1000 },
          'lower',
          { notes: `${((b.buildMs / docs) * 1000).toFixed(0)} µs/item` },
        ),
      );
      out.push(
        figure(
          `${dbKind} ${docs}: database size`,
          b.indexBytes / 2 ** 20,
          'MiB',
          {
            name: 'normalised text',
            value: reference.bytes / 2 ** 20,
          },
          'lower',
        ),
      );
      const counter =
        dbKind === 'sqlite' ? sqliteSearchIndex({ totalCap: 1e9 }) : postgresSearchIndex({ totalCap: 1e9 });
      let found = 0;
      let wanted = 0;
      for (const [kind, list] of Object.entries(queries)) {
        const ms: number[] = [];
        for (let r = 0; r < rounds; r++)
          for (const q of list) {
            const s = performance.now();
            await b.index.query(b.handle.db, { text: q, pageSize: 10 });
            ms.push(performance.now() - s);
          }
        for (const q of list) {
          const n = (await counter.query(b.handle.db, { text: q, pageSize: 1 })).total;
          found += Math.min(n, expected.get(q)!);
          wanted += expected.get(q)!;
          if (n !== expected.get(q))
            log(`${dbKind}: recall mismatch for ${q}: index ${n}, scan ${expected.get(q)}`);
        }
        for (const p of [50, 95, 99])
          out.push(
            figure(
              `${dbKind} ${docs}: ${kind} ranked first page p${p}`,
              percentile(ms, p),
              'ms',
              {
                name: `scan p${p}`,
                value: percentile(scanMs[kind]!, p),
              },
              'lower',
            ),
          );
      }
      out.push(
        figure(
          `${dbKind} ${docs}: recall`,
          (100 * found) / Math.max(1, wanted),
          '%',
          { name: 'substring scan', value: 100 },
          'higher',
          {
            target: 1,
            notes: `${wanted} matches over ${Object.values(queries).flat().length} queries`,
          },
        ),
      );
    } finally {
      await b.dispose();
    }
  }
  return out;
}

const bench: Bench = {
  name: 'search',
  async run({ scale, log }) {
    const sizes = process.env.SEARCH_BENCH_DOCS
      ? [Number(process.env.SEARCH_BENCH_DOCS)]
      : scale === 'full'
        ? [200_000, 1_000_000]
        : [20_000];
    const out: BenchFigure[] = [];
    for (const n of sizes) out.push(...(await sizeRun(n, log)));
    return out;
  },
};
export default bench;
