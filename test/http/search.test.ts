/**
 * Search over HTTP on the demo platform (its catalog items go through the real use cases into the index):
 * public page, catalog's per-agency page through the port, JSON API in the OpenAPI document, admin search
 * with drafts, and bad input answered in Chinese.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';
import { useFullTextSearch } from '../../src/search/catalog-search.js';
import { createItem } from '../../src/catalog/items/save-item.js';
import { catalogStore } from '../../src/catalog/catalog.store.js';
import { agenciesStore } from '../../src/access/agencies.store.js';
import type { AppContext } from '../../src/platform/context.js';

// The 文号 of a demo item (仲政〔2025〕3号) as a reader types it: [] brackets and full-width digits.
const typed = '仲政[２０２５]３号';

describeEachDatabase('search over HTTP', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    useFullTextSearch();
    ({ app, ctx } = await demoApp(handle()));
  });
  after(async () => {
    await app.close();
  });

  test('the public search finds a 文号 typed with [] and full-width digits, first, with marks', async () => {
    const res = await app.inject(`/search?q=${encodeURIComponent(typed)}`);
    assert.equal(res.statusCode, 200);
    const first = res.body.indexOf('<ol class="search-results"');
    assert.ok(first > 0, 'a result list');
    const list = res.body.slice(first);
    assert.match(list.slice(0, list.indexOf('</li>')), /仲兴乡农村人居环境整治长效管护办法/);
    assert.match(list, /文号或索引号完全相符/);
    assert.doesNotMatch(res.body, /error-summary/);
    assert.match(res.body, /href="\/zhongxing\/xxgk\/items\//);
  });

  test('the platform front page has a search box that searches every agency', async () => {
    const b = new Browser(app);
    const home = await b.get('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<form[^>]*action="\/search"[^>]*role="search"/);
    assert.match(home.body, /<label for="platform-search-q">检索全平台政府信息<\/label>/);
    const res = await app.inject(`/search?q=${encodeURIComponent(typed)}`);
    assert.match(res.body, /仲兴乡农村人居环境整治长效管护办法/);
  });

  test('one agency and its subordinates; the catalog page runs through the same engine', async () => {
    const scoped = await app.inject(`/search?q=${encodeURIComponent('人居环境')}&agency=zhongxing`);
    assert.equal(scoped.statusCode, 200);
    assert.match(scoped.body, /仲兴乡人民政府及所属机关/);
    assert.match(scoped.body, /<mark>人居环境<\/mark>/);
    const page = await app.inject(`/zhongxing/search?q=${encodeURIComponent(typed)}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /仲兴乡农村人居环境整治长效管护办法/);
  });

  test('bad input: a 1-character query, a bad year, an unknown agency — Chinese messages, status 422', async () => {
    const one = await app.inject(`/search?q=${encodeURIComponent('公')}`);
    assert.equal(one.statusCode, 422);
    assert.match(one.body, /error-summary/);
    assert.match(one.body, /至少两个字/);
    const year = await app.inject(`/search?q=${encodeURIComponent('公开')}&year=20x5`);
    assert.equal(year.statusCode, 422);
    assert.match(year.body, /年份应为四位数字/);
    const agency = await app.inject(`/search?q=${encodeURIComponent('公开')}&agency=nowhere`);
    assert.equal(agency.statusCode, 422);
    assert.match(agency.body, /未找到该机关/);
    const api = await app.inject(`/api/v1/search?q=${encodeURIComponent('公')}`);
    assert.equal(api.statusCode, 422);
    assert.match(api.body, /至少两个字/);
  });

  test('the JSON API answers and is in the OpenAPI document', async () => {
    const res = await app.inject(`/api/v1/search?q=${encodeURIComponent(typed)}&pageSize=5`);
    assert.equal(res.statusCode, 200);
    const body = res.json<{ total: number; hits: Array<{ docNo: string; exact: boolean; url: string }> }>();
    assert.ok(body.total >= 1);
    assert.equal(body.hits[0]?.docNo, '仲政〔2025〕3号');
    assert.equal(body.hits[0]?.exact, true);
    assert.match(body.hits[0].url, /^\/zhongxing\/xxgk\/items\//);
    const doc = await app.inject('/api/openapi.json');
    assert.ok(Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths).includes('/api/v1/search'));
  });

  test('admin search shows the editor’s drafts; the public search does not', async () => {
    const zx = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    const column = (await catalogStore.columnByCode(ctx.db, zx.id, 'a20-11'))!;
    await createItem(
      ctx,
      { kind: 'user', userId: 'x', label: '编辑', grants: [{ agencyId: zx.id, role: 'editor' }] },
      zx.id,
      {
        columnId: column.id,
        title: '关于麒麟湾渡口改造的草稿',
        summary: '草稿',
        writtenOn: '2025-12-01',
        docNo: '',
        bodyHtml: '<p>草稿正文</p>',
      },
    );
    const pub = await app.inject(`/search?q=${encodeURIComponent('麒麟湾')}`);
    assert.doesNotMatch(pub.body, /麒麟湾渡口/);
    assert.equal((await app.inject(`/admin/search?q=${encodeURIComponent('麒麟湾')}`)).statusCode, 302);
    const browser = new Browser(app);
    await browser.login('zx-editor');
    const admin = await browser.get(`/admin/search?q=${encodeURIComponent('麒麟湾')}`);
    assert.equal(admin.statusCode, 200);
    assert.match(admin.body, /关于麒麟湾渡口改造的草稿/);
    assert.match(admin.body, /未公开/);
    assert.match(admin.body, /href="\/admin\/catalog\/items\//);
  });
});
