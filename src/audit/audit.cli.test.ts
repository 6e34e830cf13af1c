import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { manyPagesPdf, zipBombDocx } from '../../test/support/bombs.js';
import { registerAuditCommands } from './audit.cli.js';
import { JIAXIAN, publishedText, QIANJIANG, SEED, XIONGXIAN } from './testing.js';

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

void test('audit --dir --out: one summary row per file, XLSX and HTML, broken files as rows', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'audit-dir-'));
  for (const name of [SEED, QIANJIANG, JIAXIAN, XIONGXIAN])
    writeFileSync(join(folder, name), publishedText(name));
  mkdirSync(join(folder, 'next-year'));
  // The same township's next report, its narrative unchanged: copied from the previous year.
  writeFileSync(
    join(folder, 'next-year', 'zhongxing-2021.txt'),
    publishedText(SEED).replaceAll('2020', '2021'),
  );
  writeFileSync(join(folder, 'broken.pdf'), '%PDF-1.4 broken');
  // A ZIP signature and nothing after it: a DOCX cut off in the download.
  writeFileSync(join(folder, 'broken.docx'), Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]));
  writeFileSync(join(folder, '.DS_Store'), 'hidden');
  const out = join(dir, 'summary.xlsx');
  const { out: stdout, code } = await run(['audit', '--dir', folder, '--out', out]);
  assert.equal(code, 0);
  assert.match(stdout, /已审查 5 份年报，2 份未能审查/);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const sheet = book.getWorksheet('汇总')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header, ['文件', '状态', '机关', '年度', '表格格式', '错误', '警告', '主要问题']);
  const rows = new Map<string, unknown[]>();
  sheet.eachRow((row, n) => {
    if (n > 1) rows.set(row.getCell(1).text, (row.values as unknown[]).slice(1));
  });
  assert.equal(rows.size, 7);
  const seed = rows.get(SEED)!;
  assert.equal(seed[1], '已审查');
  assert.equal(seed[2], '固镇县仲兴乡人民政府');
  assert.equal(seed[3], 2020);
  assert.match(String(seed[4]), /表三：2019年试行格式/);
  assert.ok(Number(seed[5]) > 0);
  assert.match(String(seed[7]), /\[section\.missing\]|\[table\.row_missing\]/);
  assert.match(String(rows.get('broken.pdf')![1]), /^无法读取：/);
  assert.match(String(rows.get('broken.docx')![1]), /^无法读取：/);
  assert.equal(rows.get('broken.pdf')![5], 1);
  assert.ok(!rows.has('.DS_Store'));
  // The batch comparison: only the later report of the same agency is flagged as copied.
  const detail = book.getWorksheet('问题明细')!;
  const copied: string[] = [];
  detail.eachRow((row) => {
    if (row.getCell(3).value === 'content.copied' && /上一年度/.test(row.getCell(5).text))
      copied.push(row.getCell(1).text);
  });
  assert.deepEqual(copied, [join('next-year', 'zhongxing-2021.txt')]);

  const html = readFileSync(join(dir, 'summary.html'), 'utf8');
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /<caption>/);
  assert.equal((html.match(/<th scope="row">/g) ?? []).length, 7);
  assert.match(html, /<th scope="col">主要问题<\/th>/);
});

void test('audit --dir: bad arguments are refused in Chinese and nothing is written', async () => {
  const out = join(dir, 'never.xlsx');
  const noOut = await run(['audit', '--dir', dir]);
  assert.equal(noOut.code, 1);
  assert.match(noOut.err, /需要用 --out 指定汇总表/);
  const missing = await run(['audit', '--dir', join(dir, 'nope'), '--out', out]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /不存在或不是文件夹/);
  const csv = await run(['audit', '--dir', dir, '--out', join(dir, 'x.csv')]);
  assert.match(csv.err, /应为 \.xlsx 文件/);
  assert.equal(existsSync(out), false);
});

void test('gongkai audit on a bomb exits 1 with the limit’s message; a batch lists it with the reason', async () => {
  const bombDir = mkdtempSync(join(tmpdir(), 'audit-bombs-'));
  const bomb = join(bombDir, 'bomb.docx');
  writeFileSync(bomb, await zipBombDocx(200));
  writeFileSync(join(bombDir, 'pages.pdf'), manyPagesPdf(800));
  writeFileSync(join(bombDir, 'seed.txt'), publishedText(SEED));
  const one = await run(['audit', bomb]);
  assert.equal(one.code, 1);
  assert.match(one.err, /无法审查文件“.*bomb\.docx”（文件解压后超过 100 MB，已停止读取。）/);
  const out = join(bombDir, 'summary.xlsx');
  const batch = await run(['audit', '--dir', bombDir, '--out', out]);
  assert.equal(batch.code, 0);
  assert.match(batch.out, /已审查 1 份年报，2 份未能审查/);
  const html = readFileSync(join(bombDir, 'summary.html'), 'utf8');
  assert.match(html, /PDF 超过 500 页，已停止读取/);
  assert.match(html, /文件解压后超过 100 MB/);
});
