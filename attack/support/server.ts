/**
 * The platform as an attacker meets it: `gongkai serve` in its own process (the real entry, `bin/gongkai.js`),
 * on a fresh SQLite file with the demo, on a free port of 127.0.0.1. The suite reads the server's resident
 * memory from /proc while it attacks, so a file that blows up the server shows as a dead process or a peak RSS,
 * not as a failed assertion inside the process being attacked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rssMb } from '../../src/platform/sandbox/pool.js';

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  /** The server's resident memory now, in MB (Linux /proc); 0 elsewhere or once it has exited. */
  rssMb: () => number;
  /** The highest RSS sampled (every 50 ms) since start or the last reset, in MB. */
  peakRssMb: () => number;
  resetPeak: () => void;
  /** Everything the server wrote to stdout and stderr. */
  output: () => string;
  alive: () => boolean;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the server and resolves once /healthz answers 200 (the demo loaded). */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-attack-'));
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, ['bin/gongkai.js', 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      SQLITE_PATH: join(dir, 'gongkai.sqlite'),
      DATABASE_URL: '',
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      COOKIE_SECURE: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      // The attacks measure how hostile input is handled; on a loaded CI machine load shedding would answer some
      // of them 503 instead. Shedding is tested in test/http/shedding.test.ts and measured by the overload bench.
      PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  let peak = 0;
  const sampler = setInterval(() => {
    const r = rssMb(child.pid);
    if (r > peak) peak = r;
  }, 50);
  sampler.unref();
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`the server exited during start:\n${out}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer /healthz in 120 s:\n${out}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    process: child,
    rssMb: () => rssMb(child.pid),
    peakRssMb: () => peak,
    resetPeak: () => (peak = rssMb(child.pid)),
    output: () => out,
    alive: () => !exited,
    stop: async () => {
      clearInterval(sampler);
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
