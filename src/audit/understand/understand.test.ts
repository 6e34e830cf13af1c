import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocument } from '../read/read-document.js';
import { findSections } from './sections.js';
import { readIdentity, agencyKindOf } from './identity.js';
import { endState } from './truncation.js';
import { publishedBytes, SEED, QIANJIANG, JIAXIAN, XIONGXIAN } from '../testing.js';

async function understand(name: string) {
  const doc = await readDocument(publishedBytes(name), name);
  const sections = findSections(doc.lines);
  return { doc, sections, id: readIdentity(doc.lines), end: endState(doc.lines, sections) };
}

const found = (s: { no: number; found: boolean }[]) => s.filter((x) => x.found).map((x) => x.no);

void test('seed: agency, year, sections 一二三五六 found and 四 missing, end not truncated', async () => {
  const { sections, id, end } = await understand(SEED);
  assert.equal(id.year, 2020);
  assert.equal(id.agency, '固镇县仲兴乡人民政府');
  assert.equal(id.agencyKind, 'township');
  assert.deepEqual(found(sections), [1, 2, 3, 5, 6]);
  assert.equal(sections.find((s) => s.no === 5)?.pos?.line, 84);
  // The numbered plan "一、仲兴乡 2021 年…" inside 六 and the table row "四、结转…" are not headings.
  assert.equal(end.truncated, false);
});

void test('潜江 fixture: year from the statistics period, agency from the opening sentence, truncated mid-table', async () => {
  const { sections, id, end } = await understand(QIANJIANG);
  assert.equal(id.year, 2020);
  assert.equal(id.agency, '周矶街道办事处');
  assert.equal(id.agencyKind, 'township');
  assert.deepEqual(found(sections), [1, 2, 3]);
  assert.equal(end.truncated, true);
  assert.equal(end.lastPos?.line, 44);
});

void test('佳县 fixture: title without a place before the year', async () => {
  const { sections, id, end } = await understand(JIAXIAN);
  assert.equal(id.year, 2022);
  assert.equal(id.agency, '螅镇');
  assert.deepEqual(found(sections), [1, 2, 3]);
  assert.equal(end.truncated, true);
});

void test('雄县 fixture: "四、结转下年度继续办理" is a row, the next line is section 四; ends in a broken heading', async () => {
  const { sections, id, end } = await understand(XIONGXIAN);
  assert.equal(id.year, 2019);
  assert.equal(id.agency, undefined);
  assert.equal(id.agencyKind, 'township');
  assert.deepEqual(found(sections), [1, 2, 3, 4]);
  assert.equal(sections.find((s) => s.no === 4)?.pos?.line, 71);
  assert.equal(end.truncated, true);
});

void test('agency kinds', () => {
  assert.equal(agencyKindOf('固镇县人民政府'), 'county_government');
  assert.equal(agencyKindOf('安徽省人民政府'), 'province_government');
  assert.equal(agencyKindOf('蚌埠市人民政府'), 'city_government');
  assert.equal(agencyKindOf('武汉市生态环境局'), 'department');
  assert.equal(agencyKindOf('固镇县仲兴乡人民政府'), 'township');
});
