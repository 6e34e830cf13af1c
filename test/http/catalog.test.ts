/** The catalog through HTTP (app.inject): portal pages, feeds, the JSON API, and the admin workflow. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { legalToday } from '../../src/calendar/legal-day.js';
import { catalogStore } from '../../src/catalog/catalog.store.js';
import type { AppContext } from '../../src/platform/context.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp, multipartBody } from '../support/http.js';

const ID = '11010519491231002X';

const multipart = (fields: Record<string, string>, file?: { name: string; content: string | Buffer }) =>
  multipartBody(fields, file ? [{ field: 'attachment', ...file }] : []);

describeEachDatabase('catalog over HTTP', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  test('the township home lists the latest items and the navigation shows only columns with content', async () => {
    const home = await get('/zhongxing/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /最新公开信息/);
    // The 年报 column's items are reached through the one 年报 entry (src/annual-reports).
    assert.match(home.body, /href="\/zhongxing\/xxgk\/ndbg\/"/);
    assert.doesNotMatch(home.body, /href="\/zhongxing\/xxgk\/columns\/report"/);
    const ndbg = await app.inject({ url: '/zhongxing/xxgk/ndbg/' });
    assert.match(ndbg.body, /href="\/zhongxing\/xxgk\/columns\/report"/);
    assert.match(home.body, /href="\/zhongxing\/xxgk\/normative"/);
    assert.match(
      home.body,
      /<link rel="alternate" type="application\/atom\+xml" href="\/zhongxing\/feed.atom"/,
    );
    assert.match(home.body, /role="search"/);
    // A township with no items shows no empty column.
    const other = await get('/hugou/');
    assert.equal(other.statusCode, 200);
    assert.doesNotMatch(other.body, /xxgk\/columns\//);
    // The county has no item of its own, but its column lists show its townships' items: those columns show.
    const county = await get('/guzhen/');
    assert.match(county.body, /href="\/guzhen\/xxgk\/columns\/statutory"/);
  });

  test('column pages page through items; statutory parts gather their Art. 20 sub-columns', async () => {
    const first = await get('/zhongxing/xxgk/columns/gzdt');
    assert.equal(first.statusCode, 200);
    const total = Number(/信息列表（共 (\d+) 条）/.exec(first.body)![1]);
    assert.ok(total > 20);
    // The pager links by keyset cursor (column-list.ts); a typed ?page=N still works for the first pages.
    assert.match(first.body, /href="\/zhongxing\/xxgk\/columns\/gzdt\?after=[^"]+&amp;page=2">下一页/);
    const last = await get(`/zhongxing/xxgk/columns/gzdt?page=${Math.ceil(total / 20)}`);
    assert.equal(last.statusCode, 200);
    assert.doesNotMatch(last.body, /下一页/);
    const statutory = await get('/zhongxing/xxgk/columns/statutory');
    assert.match(statutory.body, /第二十条（一） 行政法规、规章和规范性文件/);
    assert.doesNotMatch(statutory.body, /第二十条（十五）/);
    assert.equal((await get('/zhongxing/xxgk/columns/nope')).statusCode, 404);
  });

  test('the item page shows the metadata table, and a document and its interpretation link both ways', async () => {
    const list = await get('/zhongxing/xxgk/normative');
    const docHref = /href="(\/zhongxing\/xxgk\/items\/[^"]+)">仲兴乡村级财务管理办法/.exec(list.body)![1]!;
    const doc = await get(docHref);
    for (const label of ['索引号', '发布机构', '成文日期', '发布日期', '文号', '主题分类', '有效性'])
      assert.match(doc.body, new RegExp(`<th scope="row">${label}</th>`));
    assert.match(doc.body, /仲政〔2025〕8号/);
    const interpHref = /政策解读：<a href="([^"]+)"/.exec(doc.body)![1]!;
    const interp = await get(interpHref);
    assert.match(interp.body, new RegExp(`本文是对<a href="${docHref}">`));
  });

  test('feeds, the JSON API and its OpenAPI description', async () => {
    const feed = await get('/zhongxing/xxgk/columns/a21/feed.atom');
    assert.match(feed.headers['content-type'] as string, /application\/atom\+xml/);
    assert.match(feed.body, /^<\?xml[^>]+\?><feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    assert.equal((feed.body.match(/<entry>/g) ?? []).length, 30);
    const api = await get('/api/v1/agencies/zhongxing/items?column=a20-01');
    const body = api.json<{ total: number; items: Array<{ id: string; docNo: string; column: string }> }>();
    assert.equal(body.total, 6);
    assert.ok(body.items.every((i) => i.column === 'a20-01'));
    const one = await get(`/api/v1/agencies/zhongxing/items/${body.items[0]!.id}`);
    assert.equal(one.statusCode, 200);
    const search = (
      await get(`/api/v1/agencies/zhongxing/search?q=${encodeURIComponent('仲政〔2025〕12号')}`)
    ).json();
    assert.equal((search as { total: number }).total, 1);
    assert.equal((await get('/api/v1/agencies/zhongxing/search')).statusCode, 400);
    const openapi = (await get('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    for (const p of [
      '/api/v1/agencies/{segment}/items',
      '/api/v1/agencies/{segment}/items/{id}',
      '/api/v1/agencies/{segment}/search',
    ])
      assert.ok(openapi.paths[p], p);
  });

  test('editor drafts with hostile HTML and an attachment; the reviewer confirms the ID warning or removes it', async () => {
    const editor = new Browser(app);
    await editor.login('zx-editor');
    const zx = (await get('/api/v1/agencies/zhongxing')).json<{ id: string }>();
    const newUrl = `/admin/catalog/new?agency=${zx.id}`;
    const page = await editor.get(newUrl);
    assert.equal(page.statusCode, 200);
    const columnId = /<option value="([^"]+)"[^>]*>法定主动公开内容 › 贯彻落实农业农村政策/.exec(
      page.body,
    )![1]!;
    const token = csrfOf(page.body);
    const before = (await catalogStore.forAdmin(ctx.db, { agencyIds: [zx.id], limit: 1, offset: 0 })).total;
    // Bad input: a 400 with the error summary, and nothing stored.
    const bad = multipart({ _csrf: token, columnId, title: '', writtenOn: '2026-13-01' });
    const badRes = await app.inject({
      method: 'POST',
      url: newUrl,
      payload: bad.payload,
      headers: { 'content-type': bad.contentType, cookie: `gk_session=${editor.cookie('gk_session')}` },
    });
    assert.equal(badRes.statusCode, 400);
    assert.match(badRes.body, /class="error-summary"/);
    assert.match(badRes.body, /<a href="#f-title">请填写标题<\/a>/);
    assert.equal(
      (await catalogStore.forAdmin(ctx.db, { agencyIds: [zx.id], limit: 1, offset: 0 })).total,
      before,
    );

    const good = multipart(
      {
        _csrf: token,
        columnId,
        title: '仲兴乡2026年春季危房改造对象公示',
        summary: '公示危房改造对象',
        writtenOn: '2026-02-27',
        docNo: '仲政〔2026〕5号',
        bodyHtml: '<p onclick="x()">公示如下<script>alert(1)</script></p><img src=x onerror=alert(1)>',
      },
      { name: '名单.txt', content: `王五 ${ID}` },
    );
    const created = await app.inject({
      method: 'POST',
      url: newUrl,
      payload: good.payload,
      headers: { 'content-type': good.contentType, cookie: `gk_session=${editor.cookie('gk_session')}` },
    });
    assert.equal(created.statusCode, 303);
    const itemUrl = created.headers.location as string;
    const itemId = itemUrl.split('/').pop()!;
    const stored = (await catalogStore.itemById(ctx.db, itemId))!;
    assert.equal(stored.bodyHtml, '<p>公示如下</p>');
    assert.equal((await editor.submit(itemUrl, `${itemUrl}/submit`, {})).statusCode, 303);

    const reviewer = new Browser(app);
    await reviewer.login('zx-reviewer');
    const review = await reviewer.get(itemUrl);
    assert.match(review.body, /附件“名单.txt”中发现 1 处疑似个人信息（身份证号 110105\*+002X）/);
    const refused = await reviewer.submit(itemUrl, `${itemUrl}/publish`, {});
    assert.equal(refused.statusCode, 400);
    assert.equal((await catalogStore.itemById(ctx.db, itemId))!.status, 'submitted');
    const attachmentId = /attachments\/([^/]+)\/remove/.exec(review.body)![1]!;
    assert.equal(
      (await reviewer.submit(itemUrl, `${itemUrl}/attachments/${attachmentId}/remove`, {})).statusCode,
      303,
    );
    assert.doesNotMatch((await reviewer.get(itemUrl)).body, /疑似个人信息/);
    const published = await reviewer.submit(itemUrl, `${itemUrl}/publish`, {});
    assert.equal(published.statusCode, 303);
    assert.match(
      decodeURIComponent(published.headers.location as string),
      // Index numbers run per legal year: the first item published this year.
      new RegExp(`已发布，索引号 11340323MB04000046/${legalToday(ctx).slice(0, 4)}-00001`),
    );

    const portal = await get(`/zhongxing/xxgk/items/${itemId}`);
    assert.equal(portal.statusCode, 200);
    assert.doesNotMatch(portal.body, /<script>alert|onerror|onclick/);
    assert.match((await get('/zhongxing/xxgk/columns/a21')).body, /仲兴乡2026年春季危房改造对象公示/);
    assert.match((await get('/zhongxing/feed.atom')).body, /仲兴乡2026年春季危房改造对象公示/);
    assert.match((await get(`/zhongxing/search?q=${encodeURIComponent('危房改造')}`)).body, /找到 1 条结果/);

    // Withdrawal: reason required; the page then says so and the item leaves search.
    const noReason = await reviewer.submit(itemUrl, `${itemUrl}/withdraw`, { reason: ' ' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /请填写撤回理由/);
    assert.equal(
      (await reviewer.submit(itemUrl, `${itemUrl}/withdraw`, { reason: '信息有误' })).statusCode,
      303,
    );
    assert.equal((await get(`/zhongxing/xxgk/items/${itemId}`)).statusCode, 410);
    assert.match((await get(`/zhongxing/search?q=${encodeURIComponent('危房改造')}`)).body, /找到 0 条结果/);
  });

  test('statistics of a year: by column and subject, late items under Art. 26, registry counts', async () => {
    const stats = (await get('/api/v1/agencies/zhongxing/statistics?year=2025')).json<{
      published: number;
      byColumn: Array<{ code: string; count: number }>;
      bySubject: Array<{ count: number }>;
      late: number;
      normativeDocuments: { made: number; inForce: number };
    }>();
    const rows = await ctx.db
      .selectFrom('catalog_items')
      .select(['late', 'published_on'])
      .where('status', '=', 'published')
      .where('published_on', 'like', '2025-%')
      .execute();
    const zx = (await get('/api/v1/agencies/zhongxing')).json<{ id: string }>();
    const own = await ctx.db
      .selectFrom('catalog_items')
      .select('id')
      .where('agency_id', '=', zx.id)
      .where('status', '=', 'published')
      .where('published_on', 'like', '2025-%')
      .execute();
    assert.equal(stats.published, own.length);
    assert.equal(
      stats.byColumn.reduce((s, c) => s + c.count, 0),
      stats.published,
    );
    assert.equal(stats.late, rows.filter((r) => r.late === 1).length);
    assert.ok(stats.late > 0);
    assert.equal(stats.normativeDocuments.made, 3);
    assert.equal((await get('/api/v1/agencies/zhongxing/statistics?year=abc')).statusCode, 400);
  });

  test('the demo township adopted the standard catalog; it is published with the §5.3 columns', async () => {
    const page = await get('/zhongxing/xxgk/standard');
    assert.equal(page.statusCode, 200);
    for (const h of [
      '一级事项',
      '二级事项',
      '公开内容（要素）',
      '公开依据',
      '公开时限',
      '公开主体',
      '公开渠道和载体',
      '公开对象',
      '公开方式',
      '公开层级',
    ])
      assert.match(page.body, new RegExp(`<th scope="col">${h.replace(/[()（）]/g, '.')}</th>`));
    assert.match(page.body, /共 52 项/);
    assert.equal((await get('/guzhen/xxgk/standard')).statusCode, 404);
    // A department is not a basic-level government: adoption is refused and nothing is stored.
    const admin = new Browser(app);
    await admin.login('admin');
    const dept = (await get('/api/v1/agencies'))
      .json<{ items: Array<{ id: string; level: string }> }>()
      .items.find((a) => a.level === 'department')!;
    const res = await admin.submit(
      `/admin/catalog/standard?agency=${dept.id}`,
      `/admin/catalog/standard?agency=${dept.id}`,
      {},
    );
    assert.equal(res.statusCode, 400);
    assert.equal(
      (
        await ctx.db
          .selectFrom('catalog_standard_entries')
          .select('id')
          .where('agency_id', '=', dept.id)
          .execute()
      ).length,
      0,
    );
  });

  test('sitemap.xml lists the agency pages and its items', async () => {
    const res = await get('/zhongxing/sitemap.xml');
    assert.match(res.headers['content-type'] as string, /application\/xml/);
    assert.match(res.body, /<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    assert.ok((res.body.match(/\/xxgk\/items\//g) ?? []).length > 200);
  });

  test('column, index-rule and subject forms refuse bad input in Chinese and change nothing', async () => {
    const admin = new Browser(app);
    await admin.login('zx-admin');
    const zx = (await get('/api/v1/agencies/zhongxing')).json<{ id: string }>();
    const page = `/admin/catalog/columns?agency=${zx.id}`;
    const columnsBefore = (await catalogStore.columns(ctx.db, zx.id)).length;
    const bad = await admin.submit(page, page, { code: 'Bad Code', name: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /栏目代码应为小写字母/);
    assert.match(bad.body, /请填写栏目名称/);
    const dup = await admin.submit(page, page, { code: 'gzdt', name: '重复' });
    assert.match(dup.body, /该栏目代码已被使用/);
    assert.equal((await catalogStore.columns(ctx.db, zx.id)).length, columnsBefore);
    const rule = `/admin/catalog/index-rule?agency=${zx.id}`;
    const badRule = await admin.submit(page, rule, { indexTemplate: '{YYYY}-{seq:2}' });
    assert.equal(badRule.statusCode, 400);
    assert.match(badRule.body, /索引号规则有误/);
    assert.equal(await catalogStore.indexTemplate(ctx.db, zx.id), undefined);
    const ok = await admin.submit(page, rule, { indexTemplate: '{机构代码}/{YYYY}{MM}-{seq:6}' });
    assert.equal(ok.statusCode, 303);
    assert.equal(await catalogStore.indexTemplate(ctx.db, zx.id), '{机构代码}/{YYYY}{MM}-{seq:6}');
    const words = `/admin/catalog/sensitive-words?agency=${zx.id}`;
    const tooLong = await admin.submit(page, words, { sensitiveWords: '一'.repeat(31) });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /超过 30 个字/);
    assert.deepEqual(await catalogStore.sensitiveWords(ctx.db, zx.id), []);
    assert.equal(
      (await admin.submit(page, words, { sensitiveWords: '内部资料\n绝密，内部资料' })).statusCode,
      303,
    );
    assert.deepEqual(await catalogStore.sensitiveWords(ctx.db, zx.id), ['内部资料', '绝密']);
    // Only the platform admin edits the subject taxonomy.
    const forbidden = await admin.submit('/admin/catalog/subjects', '/admin/catalog/subjects', {
      name: '新分类',
    });
    assert.equal(forbidden.statusCode, 403);
  });

  test('repeal stamps the original page; an editor cannot publish', async () => {
    const reviewer = new Browser(app);
    await reviewer.login('zx-reviewer');
    const list = await get('/zhongxing/xxgk/normative');
    const docPath = /href="\/zhongxing\/xxgk\/items\/([^"]+)">仲兴乡农村宅基地审批管理暂行办法/.exec(
      list.body,
    )![1]!;
    const adminUrl = `/admin/catalog/items/${docPath}`;
    const bad = await reviewer.submit(adminUrl, `${adminUrl}/repeal`, {
      validity: 'repealed',
      on: '2099-01-01',
      note: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /不能晚于今天/);
    const ok = await reviewer.submit(adminUrl, `${adminUrl}/repeal`, {
      validity: 'repealed',
      on: '2025-12-30',
      validityNote: '已被新办法替代',
    });
    assert.equal(ok.statusCode, 303);
    const page = await get(`/zhongxing/xxgk/items/${docPath}`);
    assert.match(page.body, /本文件已于 2025-12-30 废止/);
    assert.match(page.body, /已被新办法替代/);

    const editor = new Browser(app);
    await editor.login('zx-editor');
    const res = await editor.submit(adminUrl, `${adminUrl}/withdraw`, { reason: '试图撤回' });
    assert.equal(res.statusCode, 403);
  });
});
