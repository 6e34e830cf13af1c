/**
 * `gongkai supervision scorecard --year N` through the real command line on a temporary SQLite file loaded
 * with the demo: it computes every office's scorecard and records the totals; bad input changes nothing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { openDatabase } from '../../src/platform/db/database.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-scorecard-'));
const dbPath = join(dir, 'gongkai.sqlite');
const saved = {
  SQLITE_PATH: process.env.SQLITE_PATH,
  DATABASE_URL: process.env.DATABASE_URL,
  DATA_KEY: process.env.DATA_KEY,
};

before(() => {
  process.env.SQLITE_PATH = dbPath;
  process.env.DATA_KEY = 'cd'.repeat(32);
  delete process.env.DATABASE_URL; // never the shared PostgreSQL database
});
after(() => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
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

async function assessments() {
  const h = openDatabase({ kind: 'sqlite', path: dbPath });
  try {
    return await h.db
      .selectFrom('assessments as s')
      .innerJoin('agencies as a', 'a.id', 's.agency_id')
      .select(['a.name', 's.score', 's.grade', 's.year'])
      .execute();
  } finally {
    await h.close();
  }
}

test('computes the year and records each agency’s total; bad input changes nothing', async () => {
  assert.equal((await cli('demo')).code, 0);
  const before = (await assessments()).length;
  const bad = await cli('supervision', 'scorecard', '--year', '25');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /考核年度/);
  const unknown = await cli('supervision', 'scorecard', '--year', '2025', '--office', 'nowhere');
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /没有网站路径为 nowhere 的主管部门/);
  assert.equal((await assessments()).length, before);

  const r = await cli('supervision', 'scorecard', '--year', '2025');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /2025年度考核（统计至 2025-12-31）/);
  const recorded = (await assessments()).filter((a) => a.year === 2025);
  assert.ok(recorded.length > 0);
  // Every recorded total is printed beside its agency.
  for (const a of recorded) assert.ok(r.out.includes(`\t${a.score}\t`) && r.out.includes(a.name), a.name);
});
