/**
 * The search benchmark's corpus, built fast and kept between runs: generated deterministically from a seed,
 * normalised once, bulk-loaded with batched raw inserts (SQLite: one prepared statement per table in large
 * transactions; PostgreSQL: multi-row INSERTs with the GIN indexes created after the load), and cached —
 * the SQLite file under ./data/bench/, the PostgreSQL database by name — so a second run reuses it.
 * `cacheVersion` names the index layout: change it when the stored structures change.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { generateCorpus } from '../src/search/corpus.js';
import { documentText } from '../src/search/engine.js';
import { bigrams, gramCodes } from '../src/search/grams.js';
import { lookupKey, normalise } from '../src/search/normalise.js';
import type { SearchDoc } from '../src/search/search-index.js';
import type { SearchDocTable } from '../src/search/search.schema.js';

export const cacheVersion = 'v1';
/** PostgreSQL layout: v2 = int4[] bigram codes (migration 0501). */
export const postgresCacheVersion = 'v2';
export const seed = 2026;
export const agencyIds = Array.from({ length: 200 }, (_, i) => `agency-${i}`);
const cacheDir = join(process.cwd(), 'data', 'bench');
const dayMs = 86_400_000;
const perDay = 2 ** 24;

export interface Corpus {
  kind: 'sqlite' | 'postgres';
  handle: DatabaseHandle;
  /** Seconds the bulk load took when it was built (the cache keeps it), and whether this run reused it. */
  buildSeconds: number;
  reused: boolean;
  bytes: () => Promise<number>;
  close: () => Promise<void>;
}

/** A row of the index table as the app writes it (migration 0500). */
type Row = SearchDocTable;

/** The rows the engine's `upsert` would write, in publication order of the generator (seq by day + i). */
export function* corpusRows(count: number): Generator<Row> {
  let i = 0;
  for (const d of generateCorpus({ seed, agencies: agencyIds, count })) yield toRow(d, ++i);
}

function toRow(d: SearchDoc, counter: number): Row {
  const day = Math.floor(Date.parse(`${d.publishedOn}T00:00:00Z`) / dayMs);
  return {
    id: d.id,
    seq: day * perDay + counter,
    agency_id: d.agencyId,
    column_id: d.columnId,
    subject: d.subject,
    kind: d.kind,
    validity: d.validity,
    // Drafts are indexed too (admin search); withdrawn never are.
    status: d.status === 'withdrawn' ? 'draft' : d.status,
    published_on: d.publishedOn,
    year: Number(d.publishedOn.slice(0, 4)),
    title: d.title,
    doc_no: d.docNo,
    index_no: d.indexNo,
    title_key: normalise(d.title),
    doc_no_key: lookupKey(d.docNo),
    index_no_key: lookupKey(d.indexNo),
    norm: documentText(d),
  };
}

const columns = [
  'id',
  'seq',
  'agency_id',
  'column_id',
  'subject',
  'kind',
  'validity',
  'status',
  'published_on',
  'year',
  'title',
  'doc_no',
  'index_no',
  'title_key',
  'doc_no_key',
  'index_no_key',
  'norm',
] as const;

function progress(log: (l: string) => void, label: string, done: number, total: number, started: number) {
  if (done % 20_000 === 0 || done === total)
    log(`${label}: ${done}/${total} loaded (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

export async function sqliteCorpus(count: number, log: (l: string) => void): Promise<Corpus> {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `search-${cacheVersion}-${count}.sqlite`);
  const meta = `${file}.seconds`;
  let reused = existsSync(file) && existsSync(meta);
  let buildSeconds = reused ? Number((await import('node:fs')).readFileSync(meta, 'utf8')) : 0;
  if (!reused) {
    const building = `${file}.building`;
    for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
    const started = performance.now();
    const h = openDatabase({ kind: 'sqlite', path: building });
    await migrateToLatest(h.db);
    await h.close();
    const raw = new SqliteDatabase(building);
    raw.pragma('journal_mode = OFF');
    raw.pragma('synchronous = OFF');
    raw.pragma('cache_size = -262144');
    const insertDoc = raw.prepare(
      `INSERT INTO search_docs (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const insertFts = raw.prepare('INSERT INTO search_fts (rowid, grams) VALUES (?, ?)');
    const insertTitle = raw.prepare('INSERT INTO search_title_fts (rowid, grams) VALUES (?, ?)');
    let batch: Row[] = [];
    const flush = raw.transaction((rows: Row[]) => {
      for (const r of rows) {
        insertDoc.run(...columns.map((c) => r[c]));
        insertFts.run(r.seq, bigrams(r.norm).join(' '));
        insertTitle.run(r.seq, bigrams(r.title_key).join(' '));
      }
    });
    let done = 0;
    for (const r of corpusRows(count)) {
      batch.push(r);
      if (batch.length === 5000) {
        flush(batch);
        done += batch.length;
        batch = [];
        progress(log, 'sqlite', done, count, started);
      }
    }
    if (batch.length) flush(batch);
    raw.prepare('UPDATE search_counter SET n = ? WHERE id = 1').run(count);
    raw.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
    raw.exec("INSERT INTO search_title_fts (search_title_fts) VALUES ('optimize')");
    raw.exec('ANALYZE');
    raw.close();
    renameSync(building, file);
    buildSeconds = (performance.now() - started) / 1000;
    (await import('node:fs')).writeFileSync(meta, String(buildSeconds));
    reused = false;
  }
  const handle = openDatabase({ kind: 'sqlite', path: file });
  return {
    kind: 'sqlite',
    handle,
    buildSeconds,
    reused,
    bytes: async () => statSync(file).size,
    close: () => handle.close(),
  };
}

export async function postgresCorpus(count: number, log: (l: string) => void): Promise<Corpus> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `gk_bench_search_${postgresCacheVersion}_${count}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let reused = false;
  let buildSeconds = 0;
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        const r = await c.query(`SELECT seconds FROM bench_built`).catch(() => null);
        if (r?.rows[0]) {
          reused = true;
          buildSeconds = Number(r.rows[0].seconds);
        }
      } finally {
        await c.end();
      }
    }
    if (!reused) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
  if (!reused) {
    const started = performance.now();
    const h = openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 1 });
    await migrateToLatest(h.db);
    await h.close();
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    try {
      // Indexes are built once after the load: much faster than keeping them up to date row by row.
      const indexes = await c.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_docs' AND indexdef NOT LIKE '%UNIQUE%'`,
      );
      for (const i of indexes.rows) await c.query(`DROP INDEX ${i.indexname}`);
      const all = [...columns, 'grams', 'title_grams'];
      let batch: Row[] = [];
      const flush = async () => {
        const values: unknown[] = [];
        const tuples = batch.map((r, k) => {
          const row = [...columns.map((col) => r[col]), gramCodes(r.norm), gramCodes(r.title_key)];
          values.push(...row);
          return `(${row.map((_, j) => `$${k * all.length + j + 1}`).join(', ')})`;
        });
        await c.query(`INSERT INTO search_docs (${all.join(', ')}) VALUES ${tuples.join(', ')}`, values);
        batch = [];
      };
      let done = 0;
      await c.query('BEGIN');
      for (const r of corpusRows(count)) {
        batch.push(r);
        if (batch.length === 200) {
          await flush();
          done += 200;
          progress(log, 'postgres', done, count, started);
        }
      }
      if (batch.length) await flush();
      await c.query('UPDATE search_counter SET n = $1 WHERE id = 1', [count]);
      await c.query('COMMIT');
      await c.query(`SET maintenance_work_mem = '512MB'`);
      for (const i of indexes.rows) {
        log(`postgres: ${i.indexname}`);
        await c.query(i.indexdef);
      }
      await c.query('VACUUM ANALYZE search_docs');
      buildSeconds = (performance.now() - started) / 1000;
      await c.query('CREATE TABLE bench_built (seconds double precision)');
      await c.query('INSERT INTO bench_built VALUES ($1)', [buildSeconds]);
    } finally {
      await c.end();
    }
  }
  if (reused) {
    // Migrations that only add indexes (0502) are applied to the cached corpus instead of rebuilding it.
    const h = openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 1 });
    await migrateToLatest(h.db);
    await h.close();
  }
  const handle = openDatabase({ kind: 'postgres', url: url.toString() }, { poolSize: 2 });
  return {
    kind: 'postgres',
    handle,
    buildSeconds,
    reused,
    bytes: async () =>
      Number(
        (
          await sql<{ n: string }>`SELECT pg_total_relation_size('search_docs')::bigint AS n`.execute(
            handle.db,
          )
        ).rows[0]!.n,
      ),
    close: () => handle.close(),
  };
}
