import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agenciesStore } from '../access/agencies.store.js';
import { creditCodeCheckChar } from '../access/credit-code.js';
import { systemActor } from '../platform/actor.js';
import { createAgency } from '../agencies/save-agency.js';
import { loadConfig, runCli } from '../app/cli.js';
import { openContext } from '../app/main.js';
import { cellsOf, formatOf } from './model/formats.js';
import type { ReportJson } from './report-json.js';

/** Runs the CLI against a temp SQLite file, capturing what it prints (console.log / console.error). */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const error = console.error;
  const log = console.log;
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  console.log = (...a: unknown[]) => void out.push(`${a.join(' ')}\n`);
  try {
    const code = await runCli(args);
    return { code, out: out.join(''), err: err.join('\n') };
  } finally {
    console.error = error;
    console.log = log;
  }
}

let dir: string;
const saved = { ...process.env };
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gk-report-cli-'));
  delete process.env.DATABASE_URL;
  Object.assign(process.env, {
    SQLITE_PATH: join(dir, 'gongkai.sqlite'),
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_KEY: 'cd'.repeat(32),
  });
  assert.equal((await cli(['demo'])).code, 0);
});
after(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

void test('gongkai report 固镇县仲兴乡人民政府 2020: a complete, balanced 2019-format report (the seed plus its missing rows)', async () => {
  const r = await cli(['report', '固镇县仲兴乡人民政府', '2020', '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out) as ReportJson;
  assert.equal(json.format, '2019');
  assert.equal(json.agency.name, '固镇县仲兴乡人民政府');
  for (const check of json.checks) {
    assert.notEqual(check.status, 'failed', `${check.ruleId}: ${JSON.stringify(check.findings)}`);
  }
  assert.equal(json.checks.find((c) => c.ruleId === 'cells.complete')?.status, 'passed');
  // Every cell of the 2019 layout is filled, including table 三 after （五）2 and the whole of table 四.
  const layout = formatOf('2019').tables;
  for (const t of json.tables) {
    const expected = cellsOf(layout[t.id]).length;
    const values = t.rows.flatMap((row) => row.values);
    assert.equal(values.length, expected, t.id);
    assert.ok(
      values.every((v) => typeof v === 'number'),
      `${t.id} has a blank cell`,
    );
  }
  const t2 = json.tables.find((t) => t.id === 't2')!;
  const row = (id: string) => t2.rows.find((x) => x.id === id)!.values;
  // The seed's figures (statutory data copied from the seed in test/fixtures/audit/).
  assert.deepEqual(row('t2.r5.otherServices'), [473, 0, 412]);
  assert.deepEqual(row('t2.r9.procurement'), [3, 63.79]);
  const t3 = json.tables.find((t) => t.id === 't3')!;
  assert.ok(t3.rows.some((x) => x.id.startsWith('t3.r3.5.') && x.values.length === 7));
});

void test('the 2025 report passes every check, continuity with 2024 included; --out writes the file', async () => {
  const zx = await cli(['report', '固镇县仲兴乡人民政府', '2024']);
  assert.equal(zx.code, 0, zx.err);
  const code = (JSON.parse(zx.out) as ReportJson).agency.creditCode!;
  const file = join(dir, 'r2025.json');
  const r = await cli(['report', code, '2025', '--format', 'json', '--out', file]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, '');
  const json = JSON.parse(readFileSync(file, 'utf8')) as ReportJson;
  assert.equal(json.format, '2021');
  assert.deepEqual(
    json.checks.filter((c) => c.status !== 'passed').map((c) => c.ruleId),
    [],
  );
  const t4 = json.tables.find((t) => t.id === 't4')!.rows[0]!.values;
  assert.ok(t4.some((v) => v === 1));
});

void test('bad arguments: an unknown agency, an ambiguous name, a year without a format, another format', async () => {
  const unknown = await cli(['report', '不存在的机关', '2020']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /未找到机关/);
  // A second agency with the same full name (made through the use case): the name alone is ambiguous.
  const { ctx, handle } = await openContext(loadConfig());
  try {
    const all = await agenciesStore.all(ctx.db);
    const zx = all.find((a) => a.name === '固镇县仲兴乡人民政府')!;
    const first17 = '11340323MB0900009';
    await createAgency(ctx, systemActor('测试'), {
      ...zx,
      creditCode: first17 + creditCodeCheckChar(first17)!,
      pathSegment: 'zhongxing-2',
    });
  } finally {
    await handle.close();
  }
  const ambiguous = await cli(['report', '固镇县仲兴乡人民政府', '2020']);
  assert.equal(ambiguous.code, 1);
  assert.match(ambiguous.err, /对应多个机关/);
  assert.equal(ambiguous.err.match(/11340323MB/g)?.length, 2);
  const year = await cli(['report', '固镇县仲兴乡人民政府', '2018']);
  assert.equal(year.code, 1);
  assert.match(year.err, /年度/);
  const format = await cli(['report', '固镇县仲兴乡人民政府', '2020', '--format', 'xml']);
  assert.equal(format.code, 1);
  assert.match(format.err, /json/);
});
