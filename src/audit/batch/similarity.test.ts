import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditWithDocument } from '../audit.js';
import { publishedText, JIAXIAN, QIANJIANG, SEED, XIONGXIAN } from '../testing.js';
import { copiedAcrossBatch, jaccard, MIN_BIGRAMS, type BatchEntry } from './similarity.js';

const bytes = (text: string) => new TextEncoder().encode(text);

async function entry(fileName: string, text: string): Promise<BatchEntry> {
  const a = await auditWithDocument(bytes(text), fileName);
  return {
    fileName,
    ...(a.result.agency ? { agency: a.result.agency } : {}),
    ...(a.result.year !== undefined ? { year: a.result.year } : {}),
    narrative: a.narrative,
  };
}

const seedText = publishedText(SEED);

void test('jaccard: shared over union, worked by hand', () => {
  assert.equal(jaccard(new Set(['ab', 'bc', 'cd']), new Set(['ab', 'bc', 'ce'])), 2 / 4);
  assert.equal(jaccard(new Set(['ab']), new Set(['ab'])), 1);
  assert.equal(jaccard(new Set(['ab']), new Set(['cd'])), 0);
  assert.equal(jaccard(new Set(), new Set()), 0);
});

void test('narrative: table labels and headings are left out, figures do not matter', async () => {
  const seed = await entry('seed.txt', seedText);
  assert.ok(seed.narrative.size >= MIN_BIGRAMS);
  // Section 三's labels are template text every report shares: not narrative.
  assert.ok(!seed.narrative.has('予以'));
  const refigured = await entry('seed-b.txt', seedText.replace(/869/g, '912').replace(/295/g, '301'));
  assert.equal(jaccard(seed.narrative, refigured.narrative), 1);
});

void test('the four real reports are not near-identical to each other', async () => {
  const entries = await Promise.all(
    [SEED, QIANJIANG, JIAXIAN, XIONGXIAN].map((n) => entry(n, publishedText(n))),
  );
  assert.equal(copiedAcrossBatch(entries).size, 0);
});

void test('another agency’s report with the names changed: both reports are flagged', async () => {
  const other = seedText.replaceAll('仲兴乡', '濠城镇').replaceAll('仲兴', '濠城');
  const entries = [await entry('zhongxing.txt', seedText), await entry('haocheng.txt', other)];
  assert.equal(entries[1]!.agency, '固镇县濠城镇人民政府');
  const found = copiedAcrossBatch(entries);
  assert.deepEqual([...found.keys()].sort(), [0, 1]);
  const f = found.get(0)![0]!;
  assert.equal(f.ruleId, 'content.copied');
  assert.match(f.message, /同批审查的《haocheng\.txt》（固镇县濠城镇人民政府，2020年度）几乎相同/);
  assert.ok(typeof f.actual === 'number' && f.actual >= 0.8);
});

void test('the same agency: last year’s report copied is flagged on the later one only; a duplicate is not', async () => {
  const next = seedText.replaceAll('2020', '2021');
  const entries = [
    await entry('2021.txt', next),
    await entry('2020.txt', seedText),
    await entry('2020-copy.txt', seedText),
  ];
  assert.equal(entries[0]!.year, 2021);
  const found = copiedAcrossBatch(entries);
  assert.deepEqual([...found.keys()], [0]);
  assert.equal(found.get(0)!.length, 2); // against 2020.txt and against 2020-copy.txt
  assert.match(found.get(0)![0]!.message, /本机关上一年度（2020年度）的年报《2020\.txt》/);
});

void test('a report edited beyond the threshold is not flagged', async () => {
  // Keep only the first half of the seed's narrative paragraphs: the union grows, Jaccard drops below 0.8.
  const lines = seedText.split('\n');
  const long = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.length > 60);
  const cut = new Set(long.slice(0, Math.ceil(long.length / 2)).map(({ i }) => i));
  const edited = lines
    .map((l, i) => (cut.has(i) ? '' : l))
    .join('\n')
    .replaceAll('仲兴', '濠城');
  const entries = [await entry('a.txt', seedText), await entry('b.txt', edited)];
  assert.ok(jaccard(entries[0]!.narrative, entries[1]!.narrative) < 0.8);
  assert.equal(copiedAcrossBatch(entries).size, 0);
});
