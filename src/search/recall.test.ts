/**
 * No recall loss: for queries of two or more characters, the index finds exactly the published items whose
 * normalised text contains every normalised term — checked against a plain substring scan of a generated
 * corpus, on every database.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test/support/db.js';
import { generateCorpus, random } from './corpus.js';
import { normalise, queryTerms } from './normalise.js';
import type { SearchDoc, SearchIndex, SearchSort } from './search-index.js';
import { searchIndexFor } from './search-index-for.js';
import { postgresSearchIndex } from './postgres-index.js';
import type { Db } from '../platform/db/database.js';

const corpus = [
  ...generateCorpus({ seed: 11, agencies: ['agency-a', 'agency-b'], count: 240, bodyChars: [60, 400] }),
];
const fields = (d: SearchDoc) =>
  [d.title, d.docNo, d.indexNo, d.summary, d.body, ...d.attachments].map(normalise);

/** The reference: a substring scan, term by term, over each normalised field. */
function scan(text: string): string[] {
  const terms = text.split(/\s+/u).map(normalise).filter(Boolean);
  return corpus
    .filter((d) => d.status === 'published')
    .filter((d) => terms.every((t) => fields(d).some((f) => f.includes(t))))
    .map((d) => d.id)
    .sort();
}

async function everyHit(index: SearchIndex, db: Db, text: string, sort: SearchSort): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await index.query(db, { text, sort, page, pageSize: 50 });
    ids.push(...r.hits.map((h) => h.id));
    if (r.hits.length < 50) break;
  }
  return ids;
}

function sampleQueries(): string[] {
  const r = random(5);
  const out = [
    '工作',
    '食品安全',
    '政府 公开',
    '仲政〔2025〕',
    '鼋头渚',
    '不存在的词语',
    '管理办法',
    '關於',
    '2019年',
  ];
  for (let i = 0; i < 40; i++) {
    const d = corpus[Math.floor(r() * corpus.length)]!;
    const f = fields(d)[Math.floor(r() * 5)]!;
    const chars = Array.from(f);
    if (chars.length < 2) continue;
    const len = 2 + Math.floor(r() * 5);
    const start = Math.floor(r() * Math.max(1, chars.length - len));
    out.push(chars.slice(start, start + len).join(''));
  }
  // 文号 as readers type them: [] brackets, full-width digits, stray spaces, traditional 號.
  for (const d of corpus.slice(0, 6)) {
    const key = normalise(d.docNo);
    out.push(key.replace('〔', '[').replace('〕', ']'));
    out.push(key.replace(/[0-9]/g, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0)).replace('号', '號'));
    out.push(key.replace('〕', '〕 '));
  }
  return out;
}

describeEachDatabase('search recall against a substring scan', ({ db, kind }) => {
  let index: SearchIndex;
  before(async () => {
    index = searchIndexFor(kind);
    await db()
      .transaction()
      .execute(async (tx) => {
        for (const d of corpus) await index.upsert(tx, d);
      });
  });

  test('every query of ≥ 2 characters finds exactly the scanned items, by date and by relevance', async () => {
    await recallHolds(index, db(), sampleQueries());
  });

  test('PostgreSQL: with walks of a few documents, the GIN path (month, year, all) finds the same', async (t) => {
    if (kind !== 'postgres') return t.skip('PostgreSQL adapter only');
    // 240 documents fit inside the real walks, so shrink them: every query then leaves the walk early and
    // goes through the GIN windows and the unbounded GIN query, for body and title matches alike.
    const short = postgresSearchIndex({ walk: { body: () => 3, title: () => 3 } });
    await recallHolds(short, db(), sampleQueries().slice(0, 30));
    const r = await everyHitFiltered(short, db(), '工作', { agencyId: 'agency-a', year: 2020 });
    assert.deepEqual(
      r.sort(),
      scan('工作').filter((id) => {
        const d = corpus.find((x) => x.id === id)!;
        return d.agencyId === 'agency-a' && d.publishedOn.startsWith('2020');
      }),
    );
  });

  async function recallHolds(index: SearchIndex, db: Db, queries: string[]) {
    let nonEmpty = 0;
    for (const q of queries) {
      const expected = scan(q);
      if (expected.length) nonEmpty++;
      const byDate = await everyHit(index, db, q, 'date');
      assert.deepEqual([...byDate].sort(), expected, `date order, query ${q}`);
      const byRelevance = await everyHit(index, db, q, 'relevance');
      assert.equal(new Set(byRelevance).size, byRelevance.length, `no item twice, query ${q}`);
      assert.deepEqual([...byRelevance].sort(), expected, `relevance order, query ${q}`);
      const first = await index.query(db, { text: q });
      // An exact total is every match; otherwise it is a true lower bound ("more than N").
      if (first.totalIsExact) assert.equal(first.total, expected.length, `total, query ${q}`);
      else assert.ok(first.total > 0 && first.total <= expected.length, `lower bound, query ${q}`);
    }
    assert.ok(nonEmpty > queries.length / 2, 'the sample exercises real matches');
  }

  test('a 文号 typed with [] and full-width digits is an exact hit ranked first', async () => {
    const d = corpus.find((x) => x.status === 'published' && x.docNo.includes('〔'))!;
    const typed = normalise(d.docNo)
      .replace('〔', '[')
      .replace('〕', ']')
      .replace(/[0-9]/g, (x) => String.fromCharCode(x.charCodeAt(0) + 0xfee0));
    const r = await index.query(db(), { text: typed });
    assert.ok(r.hits[0]?.exact, `first hit is exact for ${typed}`);
    assert.equal(normalise(r.hits[0].docNo), normalise(d.docNo));
    const looked = await index.lookup(db(), typed);
    assert.ok(looked.some((h) => h.id === d.id));
  });

  test('date sort is newest first and snippets mark the terms', async () => {
    const r = await index.query(db(), { text: '食品安全', sort: 'date', pageSize: 20 });
    const days = r.hits.map((h) => h.publishedOn);
    assert.deepEqual(days, [...days].sort().reverse());
    const withBodyHit = r.hits.filter((h) => h.snippet.some((p) => p.hit));
    for (const h of withBodyHit)
      assert.ok(h.snippet.filter((p) => p.hit).every((p) => p.text.includes('食品安全')));
  });

  test('filters: agency, year, validity, kind', async () => {
    const r = await everyHitFiltered(index, db(), '工作', {
      agencyId: 'agency-a',
      year: 2020,
      validity: 'in_force',
    });
    const expected = corpus
      .filter(
        (d) =>
          d.status === 'published' &&
          d.agencyId === 'agency-a' &&
          d.publishedOn.startsWith('2020') &&
          d.validity === 'in_force' &&
          fields(d).some((f) => f.includes('工作')),
      )
      .map((d) => d.id)
      .sort();
    assert.deepEqual(r.sort(), expected);
    assert.ok(expected.length > 0);
  });

  test('a 1-character query is refused with a Chinese message', async () => {
    await assert.rejects(index.query(db(), { text: '公' }), /至少需要两个字/);
    await assert.rejects(index.query(db(), { text: '  ' }), /请输入检索词/);
    // A 1-character term beside a longer one narrows by substring.
    assert.deepEqual((await everyHit(index, db(), '食品 安', 'date')).sort(), scan('食品 安'));
  });

  test('queryTerms agree with the scan on every sample', () => {
    for (const q of sampleQueries()) assert.ok(queryTerms(q).length >= 1);
  });
});

async function everyHitFiltered(
  index: SearchIndex,
  db: Db,
  text: string,
  filters: object,
): Promise<string[]> {
  const r = await index.query(db, { text, filters, sort: 'date', pageSize: 50 });
  assert.ok(r.total <= 50);
  return r.hits.map((h) => h.id);
}
