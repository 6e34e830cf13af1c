/**
 * Bombs (issue 20): the files the attack run measured on main — a zip-bomb DOCX (document.xml expanding to
 * 200 MB), the same lying about its sizes, a 10,000-page PDF and a PDF whose content inflates to ~990 MB —
 * uploaded to a supervisor's 年报审查 page on a real server, while an anonymous visitor keeps loading the
 * portal. Each must end within 10 s in a 422 naming the limit; the server must stay up with its peak RSS under
 * 500 MB, and the portal must keep answering. `gongkai audit FILE` on each must exit non-zero with the same
 * message within 15 s.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflatingPdf, lyingSizes, manyPagesPdf, zipBombDocx } from '../test/support/bombs.js';
import { startServer, type RunningServer } from './support/server.js';
import { Session } from './support/session.js';

const BOMB_SECONDS = 10;
const CLI_SECONDS = 15;
const SERVER_RSS_MB = 500;

interface Bomb {
  name: string;
  make: () => Promise<Buffer> | Buffer;
  message: RegExp;
}

const bombs: Bomb[] = [
  { name: 'zip-bomb.docx', make: () => zipBombDocx(200), message: /文件解压后超过 100 MB，已停止读取/ },
  {
    name: 'lying-sizes.docx',
    make: async () => lyingSizes(await zipBombDocx(200)),
    message: /文件解压后超过 100 MB，已停止读取/,
  },
  {
    name: 'ten-thousand-pages.pdf',
    make: () => manyPagesPdf(10_000),
    message: /PDF 超过 500 页，已停止读取/,
  },
  {
    name: 'inflating-content.pdf',
    make: () => inflatingPdf(990),
    message: /(占用内存超过 \d+ MB|读取文件超过 \d+ 秒|文字超过 \d+ 万字)，已停止读取/,
  },
];

let server: RunningServer;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bombs-'));
const files = new Map<string, Buffer>();

before(async () => {
  server = await startServer();
  for (const b of bombs) files.set(b.name, await b.make());
});
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Loads the portal's home page every 100 ms until stopped; the latencies and statuses seen. */
function visitor(baseUrl: string) {
  const seen: { status: number; ms: number }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      try {
        const res = await fetch(`${baseUrl}/zhongxing/`);
        await res.arrayBuffer();
        seen.push({ status: res.status, ms: performance.now() - t });
      } catch {
        seen.push({ status: 0, ms: performance.now() - t });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return seen;
    },
  };
}

test('each bomb ends in a 422 naming the limit within 10 s; the server stays up and small; the portal answers', async () => {
  const session = new Session(server.baseUrl);
  await session.login('gz-supervisor');
  const rows: string[] = [];
  for (const bomb of bombs) {
    const data = files.get(bomb.name)!;
    server.resetPeak();
    const watch = visitor(server.baseUrl);
    const started = performance.now();
    const res = await session.post(
      '/admin/audit',
      '/admin/audit',
      { text: '' },
      { field: 'file', name: bomb.name, data },
    );
    const seconds = (performance.now() - started) / 1000;
    const visits = await watch.stop();
    const slowest = Math.max(...visits.map((v) => v.ms));
    rows.push(
      `${bomb.name.padEnd(24)} ${(data.length / 1024).toFixed(0).padStart(6)} KB  ${res.status}  ${seconds.toFixed(2)} s  ` +
        `server peak RSS ${server.peakRssMb().toFixed(0)} MB  portal: ${visits.length} loads, slowest ${slowest.toFixed(0)} ms  ` +
        `“${bomb.message.exec(res.body)?.[0] ?? '?'}”`,
    );
    assert.equal(res.status, 422, `${bomb.name}: status`);
    assert.match(res.body, bomb.message, bomb.name);
    assert.ok(seconds <= BOMB_SECONDS, `${bomb.name}: ended after ${seconds.toFixed(1)} s`);
    assert.ok(server.alive(), `${bomb.name}: the server died\n${server.output()}`);
    assert.ok(server.peakRssMb() < SERVER_RSS_MB, `${bomb.name}: server peak RSS ${server.peakRssMb()} MB`);
    assert.ok(
      visits.length > 0 && visits.every((v) => v.status === 200),
      `${bomb.name}: the portal stopped answering`,
    );
  }
  console.log(rows.join('\n'));
});

test('gongkai audit FILE on each bomb exits non-zero with the limit’s message within 15 s', async () => {
  const rows: string[] = [];
  for (const bomb of bombs) {
    const path = join(dir, bomb.name);
    writeFileSync(path, files.get(bomb.name)!);
    const started = performance.now();
    const child = spawn(process.execPath, ['bin/gongkai.js', 'audit', path], {
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    clearTimeout(timer);
    const seconds = (performance.now() - started) / 1000;
    rows.push(`${bomb.name.padEnd(24)} exit ${code}  ${seconds.toFixed(2)} s  ${err.trim()}`);
    assert.notEqual(code, 0, bomb.name);
    assert.match(err, bomb.message, bomb.name);
    assert.ok(seconds <= CLI_SECONDS, `${bomb.name}: the CLI took ${seconds.toFixed(1)} s`);
  }
  console.log(rows.join('\n'));
});
