/**
 * The CLI through `runCli` on a temporary SQLite file: a suite calls `cliSandbox` at its top level, which sets the
 * environment before the suite's tests (never the shared PostgreSQL database) and restores it afterwards.
 */
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/app/cli.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export function cliSandbox(name: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), `gongkai-cli-${name}-`));
  const dbPath = join(dir, 'gongkai.sqlite');
  const keys = ['SQLITE_PATH', 'DATABASE_URL', ...Object.keys(env)];
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  before(() => {
    Object.assign(process.env, { SQLITE_PATH: dbPath, ...env });
    delete process.env.DATABASE_URL;
  });
  after(() => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, dbPath, cli: runCaptured };
}

/** Runs the program and collects what it writes. */
export async function runCaptured(...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  // Only strings are ours: the test runner's own reports to its parent are buffers and pass through.
  const capture =
    (into: string[], original: typeof process.stdout.write) =>
    (chunk: unknown, ...rest: unknown[]) =>
      typeof chunk === 'string'
        ? (into.push(chunk), true)
        : (original as (...a: unknown[]) => boolean)(chunk, ...rest);
  process.stdout.write = capture(out, o);
  process.stderr.write = capture(err, e);
  try {
    const code = await runCli(args);
    return { code, out: out.join('').trim(), err: err.join('').trim() };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}
