/**
 * Overload: the real server (`gongkai serve` in its own process, SQLite with the demo, micro-cache off as if
 * every request busted it) first loaded at its capacity — mixed portal pages and searches, 10 connections,
 * closed loop — then driven at 10× that rate by autocannon in another process (bench/flood.mjs), twice: with
 * shedding off and the expensive-request limits out of reach (as main was), and with the defaults (config.ts).
 * Meanwhile this process probes like a visitor, a page and a search every 25 ms whatever the answers, and
 * records each answer's status and time. Figures per run:
 * - the 503 share of the flood, beside the share that must be refused to hold the load at capacity (1 − 1/10);
 * - the flood's served throughput (2xx/s) beside the capacity;
 * - p99 of the probe's pages and searches answered 200 under load, beside the same p99s measured quiet;
 * - recovery: from the end of the flood until a page answers 200 within twice its quiet p99 three times running,
 *   beside the flood's length.
 * The "with shedding" figures are then also set beside the "without" ones of the same run.
 * On a 2-core machine the flood's generator takes one core from the server: mind that when reading req/s.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import { startServer, type RunningServer } from '../attack/support/server.js';
import { figure, percentile, type Bench, type BenchFigure } from './bench.js';
import { requestsPerSecondOver } from './http.js';

const run = promisify(execFile);
const queries = ['河长', '防汛', '低保', '乡村振兴', '仲政', '养老服务', '耕地保护', '工作'];
const searchPaths = queries.flatMap((q) => {
  const e = encodeURIComponent(q);
  return [`/search?q=${e}`, `/zhongxing/search?q=${e}`, `/api/v1/search?q=${e}`];
});
const OVERLOAD = 10;
const CONNECTIONS = 200;

interface Sample {
  kind: 'page' | 'search';
  status: number;
  ms: number;
  sentAt: number;
}

// The probe's connections are opened before the flood and kept, as a visitor's browser keeps its own: its
// figures are the server's answer times, not the time to open a connection to a saturated port.
let agent = new Agent({ keepAlive: true, maxSockets: 64 });

function timed(url: string): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  return new Promise((resolve) => {
    const req = get(url, { agent, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t }));
  });
}

/** Opens the probe's connections (all of the pool at once) and leaves them idle, ready. */
async function warmPool(url: string) {
  await Promise.all(Array.from({ length: 64 }, () => timed(url)));
}

/** A page and a search every `every` ms, each sent whether or not the last one answered, until stop(). */
function probe(base: string, pages: string[], every = 25) {
  const samples: Sample[] = [];
  const pending: Array<Promise<void>> = [];
  let i = 0;
  const timer = setInterval(() => {
    const kind = i % 2 === 0 ? 'page' : 'search';
    const list = kind === 'page' ? pages : searchPaths;
    const path = list[Math.floor(i / 2) % list.length]!;
    i++;
    const sentAt = performance.now();
    pending.push(timed(base + path).then((r) => void samples.push({ kind, ...r, sentAt })));
  }, every);
  return {
    async stop(): Promise<Sample[]> {
      clearInterval(timer);
      await Promise.all(pending);
      return samples;
    },
  };
}

const p99 = (samples: Sample[], kind: Sample['kind']) =>
  percentile(
    samples.filter((s) => s.kind === kind && s.status === 200).map((s) => s.ms),
    99,
  );

async function flood(base: string, paths: string[], seconds: number, rate: number) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-flood-'));
  const file = join(dir, 'paths.json');
  writeFileSync(file, JSON.stringify(paths));
  try {
    const script = fileURLToPath(new URL('./flood.mjs', import.meta.url));
    const { stdout } = await run(
      process.execPath,
      [script, base, String(seconds), String(CONNECTIONS), String(Math.round(rate)), file],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    return JSON.parse(stdout) as autocannon.Result & {
      statusCodeStats?: Record<string, { count: number }>;
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Milliseconds from now until a page answers 200 within `normalMs` three times running (capped at 60 s). */
async function recovery(base: string, page: string, normalMs: number): Promise<number> {
  const start = performance.now();
  let good = 0;
  let firstGood = 0;
  while (performance.now() - start < 60_000) {
    const r = await timed(base + page);
    if (r.status === 200 && r.ms <= normalMs) {
      if (good++ === 0) firstGood = performance.now();
      if (good === 3) return firstGood - start;
    } else good = 0;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Infinity;
}

interface RunResult {
  share503: number;
  served: number;
  pageP99: number;
  searchP99: number;
  quietPage: number;
  quietSearch: number;
  recoveryMs: number;
}

async function overloadRun(
  label: string,
  env: Record<string, string>,
  seconds: number,
  log: (l: string) => void,
  capacity?: number,
): Promise<{ capacity: number; result: RunResult }> {
  const server: RunningServer = await startServer({ PUBLIC_CACHE_SECONDS: '0', LOG_LEVEL: 'error', ...env });
  try {
    const base = server.baseUrl;
    const home = await (await fetch(`${base}/zhongxing/`)).text();
    agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const pages = [...new Set([...home.matchAll(/href="(\/zhongxing\/[^"]*)"/g)].map((m) => m[1]!))].filter(
      (p) => !p.includes('/ysqgk/'),
    );
    // Four portal pages to one search, as visitors browse.
    const mixed = pages.flatMap((p, i) => [
      p,
      ...(i % 4 === 3 ? [searchPaths[i % searchPaths.length]!] : []),
    ]);
    await requestsPerSecondOver(base, mixed, 1);
    await warmPool(`${base}/zhongxing/xxgk/guide`);
    const quiet = probe(base, pages);
    await new Promise((r) => setTimeout(r, 3000));
    const quietSamples = await quiet.stop();
    const quietPage = p99(quietSamples, 'page');
    const quietSearch = p99(quietSamples, 'search');
    const cap = capacity ?? (await requestsPerSecondOver(base, mixed, 5));
    log(
      `${label}: ${pages.length} pages + ${searchPaths.length} searches; capacity ${cap.toFixed(0)} req/s; quiet p99 page ${quietPage.toFixed(1)} ms, search ${quietSearch.toFixed(1)} ms`,
    );
    await warmPool(`${base}/zhongxing/xxgk/guide`);
    const loud = probe(base, pages);
    const result = await flood(base, mixed, seconds, cap * OVERLOAD);
    const loudSamples = await loud.stop();
    const recoveryMs = await recovery(base, '/zhongxing/xxgk/guide', Math.max(2 * quietPage, 5));
    const stats = result.statusCodeStats ?? {};
    const count = (code: string) => stats[code]?.count ?? 0;
    const total = Object.values(stats).reduce((n, s) => n + (s.count ?? 0), 0) + result.errors;
    const ok = Object.entries(stats)
      .filter(([code]) => code.startsWith('2'))
      .reduce((n, [, s]) => n + (s.count ?? 0), 0);
    const probe503 = loudSamples.filter((s) => s.status === 503).length;
    log(
      `${label}: offered ${(cap * OVERLOAD).toFixed(0)} req/s for ${seconds} s over ${CONNECTIONS} connections; ` +
        `sent ${total} (${result.errors} errors, ${result.timeouts} timeouts), status ${JSON.stringify(Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, v.count])))}; ` +
        `flood latency p99 ${result.latency.p99} ms (all statuses); probe ${loudSamples.length} answers, ${probe503} × 503`,
    );
    if (!server.alive()) throw new Error(`${label}: the server died under load:\n${server.output()}`);
    return {
      capacity: cap,
      result: {
        share503: (100 * count('503')) / Math.max(1, total),
        served: ok / seconds,
        pageP99: p99(loudSamples, 'page'),
        searchP99: p99(loudSamples, 'search'),
        quietPage,
        quietSearch,
        recoveryMs,
      },
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

function figuresOf(label: string, r: RunResult, capacity: number, seconds: number): BenchFigure[] {
  return [
    figure(
      `${label}: 503 share at ${OVERLOAD}× capacity`,
      r.share503,
      '%',
      {
        name: 'share beyond capacity (1 − 1/10)',
        value: 100 * (1 - 1 / OVERLOAD),
      },
      'higher',
    ),
    figure(
      `${label}: served under load (2xx)`,
      r.served,
      'req/s',
      { name: 'capacity', value: capacity },
      'higher',
    ),
    figure(
      `${label}: page p99 of 200s under load`,
      r.pageP99,
      'ms',
      { name: 'page p99 quiet', value: r.quietPage },
      'lower',
    ),
    figure(
      `${label}: search p99 of 200s under load`,
      r.searchP99,
      'ms',
      {
        name: 'search p99 quiet',
        value: r.quietSearch,
      },
      'lower',
    ),
    figure(
      `${label}: recovery after the overload`,
      r.recoveryMs,
      'ms',
      {
        name: 'overload length',
        value: seconds * 1000,
      },
      'lower',
    ),
  ];
}

const bench: Bench = {
  name: 'overload',
  async run({ scale, log }) {
    const seconds = scale === 'full' ? 30 : 10;
    const off = {
      PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
      PRESSURE_MAX_HEAP_MB: '0',
      SEARCH_CONCURRENCY: '1000',
      EXPORT_CONCURRENCY: '1000',
      PDF_CONCURRENCY: '1000',
      EXPENSIVE_QUEUE: '10000',
    };
    const before = await overloadRun('without shedding', off, seconds, log);
    const after = await overloadRun('with shedding', {}, seconds, log, before.capacity);
    const a = after.result;
    const b = before.result;
    return [
      ...figuresOf('without shedding (as main)', b, before.capacity, seconds),
      ...figuresOf('with shedding (defaults)', a, before.capacity, seconds),
      figure(
        'with/without: page p99 under load',
        a.pageP99,
        'ms',
        { name: 'without shedding', value: b.pageP99 },
        'lower',
      ),
      figure(
        'with/without: search p99 under load',
        a.searchP99,
        'ms',
        {
          name: 'without shedding',
          value: b.searchP99,
        },
        'lower',
      ),
      figure(
        'with/without: recovery',
        a.recoveryMs,
        'ms',
        { name: 'without shedding', value: b.recoveryMs },
        'lower',
      ),
    ];
  },
};
export default bench;
