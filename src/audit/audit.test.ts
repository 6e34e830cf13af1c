import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditDocument, type AuditResult } from './audit.js';
import { publishedBytes, SEED, QIANJIANG, JIAXIAN, XIONGXIAN } from './testing.js';

// Expected findings are worked out by hand in test/fixtures/audit/EXPECTED.md.
const summary = (r: AuditResult) =>
  r.findings
    .map((f) => `${f.ruleId}@${f.location.line ?? '-'}${f.location.rowId ? `:${f.location.rowId}` : ''}`)
    .sort();

void test('seed: the missing rows of 三, the missing section 四 as one gap, the copied 自治区 text, no format.outdated', async () => {
  const r = await auditDocument(publishedBytes(SEED), SEED);
  assert.equal(r.year, 2020);
  assert.equal(r.agency, '固镇县仲兴乡人民政府');
  assert.deepEqual(r.formats, { t2: '2019', t3: '2019', t4: '2019' });
  assert.deepEqual(summary(r), [
    'content.copied@118',
    'document.truncated@82',
    'section.missing@-',
    'table.row_missing@-:t3.r3.5.3',
    'table.row_missing@-:t3.r3.5.4',
    'table.row_missing@-:t3.r3.5.5',
    'table.row_missing@-:t3.r3.6',
    'table.row_missing@-:t3.r3.7',
    'table.row_missing@-:t3.r4',
  ]);
  const gap = r.findings.find((f) => f.ruleId === 'document.truncated')!;
  assert.match(gap.message, /3\.要求提供公开出版物/);
  assert.match(gap.message, /四、结转下年度继续办理/);
  assert.match(gap.message, /第四部分/);
  assert.match(gap.message, /漏贴一页/);
  assert.equal(r.findings.find((f) => f.ruleId === 'section.missing')?.location.section, 4);
  // What depends on unseen cells is said to be uncheckable, not reported as failing.
  assert.ok(r.notChecked.some((s) => s.includes('第一项加第二项之和') && s.includes('无法核对')));
  assert.ok(!r.findings.some((f) => f.ruleId.startsWith('identity.')));
});

void test('潜江 fixture: template text and a cut-off end', async () => {
  const r = await auditDocument(publishedBytes(QIANJIANG), QIANJIANG);
  assert.equal(r.year, 2020);
  assert.deepEqual(summary(r), ['content.template_text@39', 'document.truncated@44']);
});

void test('佳县 fixture: 2019 format in a 2022 report, blank tables, cut-off end', async () => {
  const r = await auditDocument(publishedBytes(JIAXIAN), JIAXIAN);
  assert.equal(r.year, 2022);
  assert.deepEqual(summary(r), [
    'cell.blank@13',
    'cell.blank@55',
    'document.truncated@72',
    'format.outdated@13',
  ]);
});

void test('雄县 fixture: blank cells, no format.outdated for 2019, cut-off end', async () => {
  const r = await auditDocument(publishedBytes(XIONGXIAN), XIONGXIAN);
  assert.equal(r.year, 2019);
  const s = summary(r);
  assert.equal(s.filter((x) => x.startsWith('cell.blank')).length, 10);
  assert.ok(s.includes('document.truncated@80'));
  assert.equal(s.length, 11);
  assert.ok(r.notChecked.some((x) => x.includes('未能确定报告机关')));
});

void test('an image-only or empty input is reported, never passed', async () => {
  const r = await auditDocument(new Uint8Array(), 'empty.txt');
  assert.equal(r.readable, false);
  assert.ok(r.notChecked.length > 0);
});
