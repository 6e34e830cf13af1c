/** Load helpers for HTTP benchmarks: autocannon against loopback, bounded in time. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';

const run = promisify(execFile);

export async function listenLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Requests per second at `url` (mean over the run), failing loudly on any non-2xx answer. The load generator
 * runs in its own process, so it does not take CPU from the server under test inside this one.
 */
export async function requestsPerSecond(url: string, seconds: number, connections = 10): Promise<number> {
  const cli = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));
  const { stdout } = await run(
    process.execPath,
    [cli, '--json', '-c', String(connections), '-d', String(seconds), url],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return checked(url, JSON.parse(stdout) as autocannon.Result);
}

/** Requests per second over `paths` of `base`, requested round-robin (a working set, not one hot URL). */
export async function requestsPerSecondOver(
  base: string,
  paths: readonly string[],
  seconds: number,
  connections = 10,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-load-'));
  const file = join(dir, 'paths.json');
  writeFileSync(file, JSON.stringify(paths));
  try {
    const script = fileURLToPath(new URL('./load-paths.mjs', import.meta.url));
    const { stdout } = await run(
      process.execPath,
      [script, base, String(seconds), String(connections), file],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    return checked(`${base} (${paths.length} paths)`, JSON.parse(stdout) as autocannon.Result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checked(url: string, result: autocannon.Result): number {
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

/** The reference: a bare Fastify route sending a small HTML page, with no database and no rendering. */
export async function bareFastify(): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false });
  bare.get('/', async (_req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send('<!DOCTYPE html><html lang="zh-CN"><title>bare</title><p>ok</p></html>'),
  );
  const url = await listenLoopback(bare);
  return { url: `${url}/`, close: () => bare.close() };
}
