/**
 * Index upkeep: writes happen in the caller's transaction (a rolled-back publication leaves no trace), a
 * withdrawn item never shows, drafts show only to admin search, revisions replace the old text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDatabase } from '../../test/support/db.js';
import type { SearchDoc } from './search-index.js';
import { searchIndexFor } from './search-index-for.js';

const doc = (over: Partial<SearchDoc> = {}): SearchDoc => ({
  id: 'item-1',
  agencyId: 'agency-x',
  columnId: null,
  subject: null,
  kind: 'result',
  validity: 'in_force',
  status: 'published',
  publishedOn: '2025-03-04',
  title: '关于公布蔺家窑村危房改造名单的公告',
  docNo: '仲政〔2025〕3号',
  indexNo: 'ZXX-2025-000001',
  summary: '',
  body: '经审核，蔺家窑村五户列入危房改造。',
  attachments: ['附件：鹳雀楼修缮清单'],
  ...over,
});

describeEachDatabase('search index upkeep', ({ db, kind }) => {
  const index = searchIndexFor(kind);
  const count = async (text: string, includeDrafts = false) =>
    (await index.query(db(), { text, filters: { includeDrafts } })).total;

  test('an upsert rolled back with its transaction leaves nothing', async () => {
    await assert.rejects(
      db()
        .transaction()
        .execute(async (tx) => {
          await index.upsert(tx, doc());
          throw new Error('publication failed');
        }),
    );
    assert.equal(await count('蔺家窑'), 0);
  });

  test('published items are found by body, title, 文号 and attachment text', async () => {
    await db()
      .transaction()
      .execute((tx) => index.upsert(tx, doc()));
    assert.equal(await count('蔺家窑'), 1);
    assert.equal(await count('鹳雀楼'), 1);
    assert.equal(await count('仲政[2025]3号'), 1);
  });

  test('a revision replaces the old text', async () => {
    await index.upsert(db(), doc({ body: '经审核，麒麟湾村三户列入危房改造。', publishedOn: '2025-04-01' }));
    assert.equal(await count('麒麟湾'), 1);
    assert.equal(await count('五户'), 0);
    assert.equal(await count('蔺家窑'), 1, 'still in the title');
  });

  test('a withdrawn item never shows, neither to the public nor to the admin', async () => {
    await index.upsert(db(), doc({ status: 'withdrawn' }));
    assert.equal(await count('蔺家窑'), 0);
    assert.equal(await count('蔺家窑', true), 0);
    assert.deepEqual(await index.lookup(db(), '仲政〔2025〕3号', true), []);
  });

  test('a draft shows only to admin search; remove deletes it', async () => {
    await index.upsert(db(), doc({ status: 'draft' }));
    assert.equal(await count('蔺家窑'), 0);
    assert.equal(await count('蔺家窑', true), 1);
    await index.remove(db(), 'item-1');
    assert.equal(await count('蔺家窑', true), 0);
  });

  test('rebuild restores the index structures of every stored document', async () => {
    await index.upsert(db(), doc({ id: 'item-2' }));
    assert.equal(await index.rebuild(db()), 1);
    assert.equal(await count('蔺家窑'), 1);
  });

  test('bad input changes nothing', async () => {
    await assert.rejects(index.upsert(db(), doc({ id: 'item-3', publishedOn: '2025/3/4' })), /发布日期/);
    assert.equal(await count('蔺家窑'), 1);
  });

  test('attachment text is found, ranked below a title match even when newer, with the snippet from the attachment', async () => {
    await index.upsert(
      db(),
      doc({
        id: 'in-title',
        title: '关于觳觫桥维修的公告',
        docNo: '',
        indexNo: 'T-1',
        body: '维修。',
        attachments: [],
        publishedOn: '2024-01-05',
      }),
    );
    await index.upsert(
      db(),
      doc({
        id: 'in-attachment',
        title: '关于桥梁维修的公告',
        docNo: '',
        indexNo: 'T-2',
        body: '维修。',
        attachments: ['附件：觳觫桥维修清单'],
        publishedOn: '2025-06-01',
      }),
    );
    const r = await index.query(db(), { text: '觳觫桥' });
    assert.deepEqual(
      r.hits.map((h) => h.id),
      ['in-title', 'in-attachment'],
    );
    const marked = r.hits[1]!.snippet.filter((p) => p.hit).map((p) => p.text);
    assert.deepEqual(marked, ['觳觫桥']);
  });
});
