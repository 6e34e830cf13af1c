/**
 * Full-text search at scale: a generated corpus of Chinese government text (bodies of 300–5,000 characters)
 * indexed through the real engine on SQLite (and PostgreSQL when DATABASE_URL is set), then a ranked first
 * page (relevance, 10 hits, with total) timed by query kind — 2-character, rare, common, two words — beside a
 * brute-force substring scan over the normalised texts held in memory (the floor reference). Recall is the
 * share of the scan's matches the index finds. Also index size (beside the normalised text's size) and build
 * time of the bulk load, and the cost of one upsert into the built index.
 *
 * Corpus size: 200,000 items by default; `--scale full` 1,000,000 (the headline run: mind the disk
 * and the time; built once, then cached — see search-corpus.ts); `SEARCH_BENCH_DOCS=50000` picks one size; `SEARCH_BENCH_DB=postgres` one database.
 */
import { performance } from 'node:perf_hooks';
import { figure, percentile, type Bench, type BenchFigure } from './bench.js';
import { agencyIds, postgresCorpus, sqliteCorpus, type Corpus } from './search-corpus.js';
import { generateCorpus } from '../src/search/corpus.js';
import { queryTerms } from '../src/search/normalise.js';
import { postgresSearchIndex } from '../src/search/postgres-index.js';
import { sqliteSearchIndex } from '../src/search/sqlite-index.js';

const queries: Record<string, string[]> = {
  '2-character': ['河长', '沱河', '低保', '防汛', '审批', '养老', '耕地', '秸秆'],
  rare: ['鼋头渚', '饕餮纹', '氍毹', '甪直', '鄱阳湖区', '蔺家窑'],
  common: ['工作', '加强组织领导', '各乡镇人民政府', '现将有关事项通知如下', '管理', '服务'],
  'two words': ['食品安全 仲兴乡', '乡村振兴 工作', '营商环境 落实', '危房改造 濠城镇', '防汛抗旱 加强'],
};
const rounds = 3;

/** The floor reference: every normalised text in memory, a substring test per text, newest first by date. */
async function scanner(corpus: Corpus) {
  const texts: string[] = [];
  const idList: string[] = [];
  const seqs: number[] = [];
  const published: boolean[] = [];
  let after = -1;
  for (;;) {
    const rows = await corpus.handle.db
      .selectFrom('search_docs')
      .select(['id', 'seq', 'norm', 'status'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(10_000)
      .execute();
    if (!rows.length) break;
    for (const r of rows) {
      texts.push(r.norm);
      idList.push(r.id);
      seqs.push(Number(r.seq));
      published.push(r.status === 'published');
    }
    after = Number(rows[rows.length - 1]!.seq);
  }
  return {
    ids: (hits: number[]) => hits.map((i) => idList[i]!),
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
    scan(q: string): number[] {
      const terms = queryTerms(q);
      const hits: number[] = [];
      for (let i = 0; i < texts.length; i++)
        if (published[i] && terms.every((t) => texts[i]!.includes(t))) hits.push(i);
      hits.sort((a, b) => seqs[b]! - seqs[a]!);
      return hits;
    },
  };
}

async function sizeRun(docs: number, log: (l: string) => void): Promise<BenchFigure[]> {
  const out: BenchFigure[] = [];
  // SEARCH_BENCH_DB=postgres (or sqlite) measures one database only.
  const kinds = (process.env.DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)).filter(
    (k) => !process.env.SEARCH_BENCH_DB || k === process.env.SEARCH_BENCH_DB,
  );
  // The reference scan reads the normalised texts from the first corpus measured (both hold the same rows),
  // so a PostgreSQL-only run does not build the SQLite corpus (~25 min at 200,000).
  const sqlite = kinds.includes('sqlite') ? await sqliteCorpus(docs, log) : undefined;
  const first = sqlite ?? (await postgresCorpus(docs, log));
  const t0 = performance.now();
  const reference = await scanner(first);
  log(`${docs} normalised texts read into memory in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const scanMs: Record<string, number[]> = {};
  const expected = new Map<string, number[]>();
  for (const [kind, list] of Object.entries(queries)) {
    scanMs[kind] = [];
    for (let r = 0; r < rounds; r++)
      for (const q of list) {
        const s = performance.now();
        const hits = reference.scan(q);
        scanMs[kind].push(performance.now() - s);
        expected.set(q, hits);
      }
  }
  for (const dbKind of kinds) {
    const b = dbKind === 'sqlite' || !sqlite ? first : await postgresCorpus(docs, log);
    const index = dbKind === 'sqlite' ? sqliteSearchIndex() : postgresSearchIndex();
    try {
      out.push(
        figure(
          `${dbKind} ${docs}: index build (bulk load${b.reused ? ', cached from an earlier run' : ''})`,
          b.buildSeconds,
          's',
          {
            name: 'read the normalised corpus into memory (scan set-up)',
            value: (performance.now() - t0) / 1000,
          },
          'lower',
          { notes: `${((b.buildSeconds / docs) * 1e6).toFixed(0)} µs/item` },
        ),
      );
      // Keeping the index up to date item by item, as publishing does: 200 upserts in one transaction,
      // rolled back so the cached corpus stays as built.
      const upserts = [...generateCorpus({ seed: 99, agencies: agencyIds, count: 200 })];
      const u0 = performance.now();
      await b.handle.db
        .transaction()
        .execute(async (tx) => {
          for (const d of upserts) await index.upsert(tx, { ...d, id: `bench-upsert-${d.id}` });
          throw new Error('rollback');
        })
        .catch(() => undefined);
      const upsertMs = (performance.now() - u0) / upserts.length;
      out.push(
        figure(
          `${dbKind} ${docs}: upsert one item into the built index`,
          upsertMs,
          'ms',
          {
            name: 'bulk load per item',
            value: (b.buildSeconds * 1000) / docs,
          },
          'lower',
        ),
      );
      out.push(
        figure(
          `${dbKind} ${docs}: database size`,
          (await b.bytes()) / 2 ** 20,
          'MiB',
          { name: 'normalised text', value: reference.bytes / 2 ** 20 },
          'lower',
        ),
      );
      const counter =
        dbKind === 'sqlite'
          ? sqliteSearchIndex({ totalCap: 1e9 })
          : postgresSearchIndex({ totalCap: 1e9, alwaysCount: true });
      let found = 0;
      let wanted = 0;
      for (const [kind, list] of Object.entries(queries)) {
        const ms: number[] = [];
        for (let r = 0; r < rounds; r++)
          for (const q of list) {
            const s = performance.now();
            await index.query(b.handle.db, { text: q, pageSize: 10 });
            ms.push(performance.now() - s);
          }
        for (const q of list) {
          const want = expected.get(q)!;
          const n = (await counter.query(b.handle.db, { text: q, pageSize: 1 })).total;
          // The newest page in date order must be the scan's newest items, one for one.
          const page = await index.query(b.handle.db, { text: q, pageSize: 10, sort: 'date' });
          const same = page.hits.map((h) => h.id).join() === reference.ids(want.slice(0, 10)).join();
          found += Math.min(n, want.length);
          wanted += want.length;
          if (n !== want.length || !same)
            log(
              `${dbKind}: recall mismatch for ${q}: index ${n}, scan ${want.length}, newest page same: ${same}`,
            );
        }
        log(`${dbKind} ${docs} ${kind}: ${ms.map((x) => x.toFixed(0)).join(' ')} ms`);
        for (const p of [50, 95, 99])
          out.push(
            figure(
              `${dbKind} ${docs}: ${kind} ranked first page p${p}`,
              percentile(ms, p),
              'ms',
              { name: `scan p${p}`, value: percentile(scanMs[kind]!, p) },
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
          { target: 1, notes: `${wanted} matches over ${Object.values(queries).flat().length} queries` },
        ),
      );
    } finally {
      if (b !== first) await b.close();
    }
  }
  await first.close();
  return out;
}

const bench: Bench = {
  name: 'search',
  async run({ scale, log }) {
    const sizes = process.env.SEARCH_BENCH_DOCS
      ? [Number(process.env.SEARCH_BENCH_DOCS)]
      : scale === 'full'
        ? [1_000_000]
        : [200_000];
    const out: BenchFigure[] = [];
    for (const n of sizes) out.push(...(await sizeRun(n, log)));
    return out;
  },
};
export default bench;
