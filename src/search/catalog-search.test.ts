/**
 * The catalog's real use cases feed the full-text index through the search port: drafts for admin search,
 * published items (with attachment text) for everyone, withdrawn items for no one.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import type { Actor } from '../platform/actor.js';
import { addAttachment } from '../catalog/items/attach.js';
import { catalogStore } from '../catalog/catalog.store.js';
import { publishItem } from '../catalog/items/publish-item.js';
import { createItem } from '../catalog/items/save-item.js';
import { catalogSearch } from '../catalog/search-port.js';
import { ensureCatalog } from '../catalog/setup-catalog.js';
import { submitItem } from '../catalog/items/submit-item.js';
import { withdrawItem } from '../catalog/items/withdraw-item.js';
import { loadDemo } from '../demo/load-demo.js';
import type { AppContext } from '../platform/context.js';
import { htmlText, indexFor, useFullTextSearch } from './catalog-search.js';
import { reindex } from './reindex.js';

const user = (agencyId: string, role: 'editor' | 'reviewer'): Actor => ({
  kind: 'user',
  userId: `${role}-1`,
  label: role,
  grants: [{ agencyId, role }],
});

test('htmlText keeps the text and decodes entities', () => {
  assert.equal(htmlText('<p>甲&amp;乙</p><script>x</script><b>&#20025;</b>').replace(/\s/g, ''), '甲&乙丹');
});

describeEachDatabase('catalog items in the full-text index', ({ handle }) => {
  let ctx: AppContext;
  let zx: Agency;
  let columnId: string;
  const count = async (text: string, includeDrafts = false) =>
    (await indexFor(ctx.db).query(ctx.db, { text, filters: { agencyId: zx.id, includeDrafts } })).total;

  before(async () => {
    useFullTextSearch();
    ctx = { ...testContext(handle()), now: () => new Date('2026-03-02T02:00:00.000Z') };
    await loadDemo(ctx);
    zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    await ensureCatalog(ctx.db, zx);
    columnId = (await catalogStore.columnByCode(ctx.db, zx.id, 'a20-11'))!.id;
  });

  test('draft → admin only; published → public, by 文号 typed with [] and full-width digits; withdrawn → gone', async () => {
    const editor = user(zx.id, 'editor');
    const reviewer = user(zx.id, 'reviewer');
    const { itemId } = await createItem(ctx, editor, zx.id, {
      columnId,
      title: '仲兴乡2026年春季农村低保对象公示',
      summary: '公示春季新增低保对象',
      writtenOn: '2026-02-26',
      docNo: '仲政〔2026〕3号',
      bodyHtml: '<p>经村级评议、乡级审核，現予公示。</p>',
    });
    assert.equal(await count('低保对象'), 0);
    assert.equal(await count('低保对象', true), 1);
    await addAttachment(ctx, editor, itemId, {
      fileName: '名单.txt',
      data: Buffer.from('蔺家窑村 一类低保 三户'),
    });
    await submitItem(ctx, editor, itemId);
    await publishItem(ctx, reviewer, itemId);
    assert.equal(await count('低保对象'), 1);
    assert.equal(await count('蔺家窑'), 1, 'attachment text is searched');
    assert.equal(await count('现予公示'), 1, 'traditional 現 in the body meets simplified 现 in the query');
    const r = await indexFor(ctx.db).query(ctx.db, { text: '仲政[２０２６]３号' });
    assert.equal(r.hits[0]?.id, itemId);
    assert.ok(r.hits[0]?.exact);
    const port = await catalogSearch.port.search(ctx.db, {
      agencyIds: [zx.id],
      text: '低保',
      limit: 10,
      offset: 0,
    });
    assert.deepEqual(
      port.hits.map((h) => h.itemId),
      [itemId],
    );
    await withdrawItem(ctx, reviewer, itemId, '误发');
    assert.equal(await count('低保对象'), 0);
    assert.equal(await count('低保对象', true), 0);
  });

  test('reindex restores lost entries and drops entries of withdrawn or unknown items', async () => {
    const editor = user(zx.id, 'editor');
    const reviewer = user(zx.id, 'reviewer');
    const { itemId } = await createItem(ctx, editor, zx.id, {
      columnId,
      title: '关于鹳雀楼修缮工程的公告',
      summary: '修缮工程公告',
      writtenOn: '2026-02-26',
      docNo: '',
      bodyHtml: '<p>修缮工程。</p>',
    });
    await submitItem(ctx, editor, itemId);
    await publishItem(ctx, reviewer, itemId);
    // Lose the entry, and leave an entry behind for an item that does not exist.
    await indexFor(ctx.db).remove(ctx.db, itemId);
    await indexFor(ctx.db).upsert(ctx.db, {
      id: 'ghost',
      agencyId: zx.id,
      columnId: null,
      subject: null,
      kind: null,
      validity: null,
      status: 'published',
      publishedOn: '2026-01-01',
      title: '鹳雀楼幽灵条目',
      docNo: '',
      indexNo: '',
      summary: '',
      body: '',
      attachments: [],
    });
    assert.equal(await count('鹳雀楼'), 1);
    const seen: number[] = [];
    const r = await reindex(ctx, (done) => seen.push(done), 1);
    assert.equal(r.removed, 1);
    assert.ok(r.indexed >= 1);
    assert.equal(seen.at(-1), r.indexed);
    const events = await ctx.db
      .selectFrom('events')
      .select(['action', 'data', 'actor_label'])
      .where('action', '=', 'search.reindexed')
      .execute();
    assert.equal(events.length, 1);
    assert.deepEqual(JSON.parse(events[0]!.data), { indexed: r.indexed, removed: 1 });
    const hits = await indexFor(ctx.db).query(ctx.db, { text: '鹳雀楼' });
    assert.deepEqual(
      hits.hits.map((h) => h.id),
      [itemId],
    );
  });
});
