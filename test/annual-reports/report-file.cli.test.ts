/** `gongkai report <agency> <year> --format html|docx|pdf|md --out FILE` against a temp SQLite file. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { runCli } from '../../src/app/cli.js';
import { cjkFont } from '../../src/annual-reports/render/report-pdf.js';

async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const error = console.error;
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    return { code: await runCli(args), err: err.join('\n') };
  } finally {
    console.error = error;
  }
}

let dir: string;
const saved = { ...process.env };
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gk-report-file-'));
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

void test('the published 2020 report as DOCX, HTML and PDF; the 2025 working copy as Markdown', async () => {
  const docx = join(dir, 'r.docx');
  const r = await cli(['report', '固镇县仲兴乡人民政府', '2020', '--format', 'docx', '--out', docx]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /已公开的第 1 版/);
  const { value } = await mammoth.extractRawText({ path: docx });
  assert.match(value, /固镇县仲兴乡人民政府2020年政府信息公开工作年度报告/);
  const html = join(dir, 'r.html');
  assert.equal(
    (await cli(['report', '固镇县仲兴乡人民政府', '2020', '--format', 'html', '--out', html])).code,
    0,
  );
  assert.equal(readFileSync(html, 'utf8').match(/<table class="report-table"/g)?.length, 3);
  if (cjkFont()) {
    const pdf = join(dir, 'r.pdf');
    assert.equal(
      (await cli(['report', '固镇县仲兴乡人民政府', '2020', '--format', 'pdf', '--out', pdf])).code,
      0,
    );
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  }
  const md = join(dir, 'r.md');
  const draft = await cli(['report', '固镇县仲兴乡人民政府', '2025', '--format', 'md', '--out', md]);
  assert.match(draft.err, /尚未公开/);
  assert.match(readFileSync(md, 'utf8'), /^# 固镇县仲兴乡人民政府2025年/);
});

void test('a file format needs --out; an unknown format is refused in Chinese', async () => {
  const noOut = await cli(['report', '固镇县仲兴乡人民政府', '2020', '--format', 'docx']);
  assert.equal(noOut.code, 1);
  assert.match(noOut.err, /--out/);
  const bad = await cli([
    'report',
    '固镇县仲兴乡人民政府',
    '2020',
    '--format',
    'odt',
    '--out',
    join(dir, 'x'),
  ]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /输出格式应为/);
});
