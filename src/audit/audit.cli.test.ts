import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerAuditCommands } from './audit.cli.js';
import { publishedText, SEED } from './testing.js';

async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const program = new Command('gongkai').exitOverride();
  registerAuditCommands(program);
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (s: string) => out.push(s);
  console.error = (s: string) => err.push(s);
  process.exitCode = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    console.log = log;
    console.error = error;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join('\n'), err: err.join('\n'), code };
}

const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
const seed = join(dir, 'seed.txt');
writeFileSync(seed, publishedText(SEED));

void test('audit FILE prints the findings in Chinese and exits 0', async () => {
  const { out, code } = await run(['audit', seed]);
  assert.equal(code, 0);
  assert.match(out, /机关：固镇县仲兴乡人民政府；年度：2020/);
  assert.match(out, /错误［section\.missing］/);
  assert.match(out, /未能核对：/);
});

void test('audit --json prints one object per file', async () => {
  const { out, code } = await run(['audit', '--json', seed, seed]);
  assert.equal(code, 0);
  const objects = out
    .split('\n')
    .map((l) => JSON.parse(l) as { year: number; findings: { ruleId: string }[] });
  assert.equal(objects.length, 2);
  assert.equal(objects[0]!.year, 2020);
  assert.ok(objects[0]!.findings.some((f) => f.ruleId === 'content.copied'));
});

void test('a missing or unreadable file gives a clear message and a non-zero exit', async () => {
  const missing = await run(['audit', join(dir, 'nope.txt')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /文件不存在/);
  const empty = join(dir, 'empty.pdf');
  writeFileSync(empty, '%PDF-1.4 broken');
  const bad = await run(['audit', empty]);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /document\.unreadable/);
});
