import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { legalToday } from '../../src/calendar/legal-day.js';
import type { AppContext } from '../../src/platform/context.js';
import { catalogStore } from '../../src/catalog/catalog.store.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';

describeEachDatabase('依申请公开 operations over HTTP', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let zhongxing = '';
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
    zhongxing = (
      await ctx.db
        .selectFrom('agencies')
        .select('id')
        .where('path_segment', '=', 'zhongxing')
        .executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => app.close());
  const count = async (table: 'catalog_items' | 'request_case_events') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('the county supervisor sees each subordinate agency; a township handler only its own', async () => {
    const sup = new Browser(app);
    await sup.login('gz-supervisor');
    const page = await sup.get('/admin/requests/overview');
    assert.equal(page.statusCode, 200);
    const rows = [...page.body.matchAll(/<th scope="row"><a href="([^"]+)">([^<]+)<\/a>/g)];
    assert.ok(rows.length > 1, 'several agencies');
    assert.ok(rows.some((r) => r[1]!.includes(`agency=${zhongxing}`)));
    const queue = await sup.get(`/admin/requests?queue=all&agency=${zhongxing}`);
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /〔20\d\d〕第\d+号/);

    const handler = new Browser(app);
    await handler.login('zx-handler');
    const own = await handler.get('/admin/requests/overview');
    const ownRows = [...own.body.matchAll(/<th scope="row"><a href="([^"]+)">/g)];
    assert.equal(ownRows.length, 1);
    assert.ok(ownRows[0]![1]!.includes(`agency=${zhongxing}`));

    // The dashboard reminds the handler of overdue cases whether or not e-mail is configured.
    const today = legalToday(ctx);
    const overdue = Number(
      (
        await ctx.db
          .selectFrom('request_cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('agency_id', '=', zhongxing)
          .where('open', '=', 1)
          .where('due_date', '<', today)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const dashboard = await handler.get('/admin/');
    if (overdue) assert.ok(dashboard.body.includes(`有 ${overdue} 件政府信息公开申请已超过答复期限`));
    else assert.ok(!dashboard.body.includes('已超过答复期限'));
  });

  test('依申请转主动 from the case page: Chinese error and nothing stored, then a linked draft', async () => {
    const replied = await ctx.db
      .selectFrom('request_cases')
      .select('id')
      .where('agency_id', '=', zhongxing)
      .where('state', 'in', ['replied', 'archived'])
      .where('outcome', '=', 'disclosed')
      .executeTakeFirstOrThrow();
    const b = new Browser(app);
    await b.login('zx-handler');
    const casePage = await b.get(`/admin/requests/${replied.id}`);
    assert.match(casePage.body, /标记为转主动公开/);
    const formUrl = `/admin/requests/${replied.id}/transfer-to-catalog`;
    const items = await count('catalog_items');
    const events = await count('request_case_events');
    const bad = await b.submit(formUrl, formUrl, { columnId: '', title: '' });
    assert.equal(bad.statusCode, 422);
    assert.ok(/请选择发布栏目/.test(bad.body) && /请填写主动公开条目的标题/.test(bad.body));
    assert.equal(await count('catalog_items'), items);
    assert.equal(await count('request_case_events'), events);
    const column = (await catalogStore.columns(ctx.db, zhongxing)).find((c) => c.code === 'statutory')!;
    const ok = await b.submit(formUrl, formUrl, {
      columnId: column.id,
      title: '仲兴乡农村道路建设项目资金使用情况',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(await count('catalog_items'), items + 1);
    const after = await b.get(`/admin/requests/${replied.id}`);
    const link = /href="\/admin\/catalog\/items\/([^"]+)">查看主动公开条目/.exec(after.body);
    assert.ok(link, 'the case page links to the catalog item');
    const item = (await catalogStore.itemById(ctx.db, link[1]!))!;
    assert.equal(item.status, 'draft');
    assert.equal(item.title, '仲兴乡农村道路建设项目资金使用情况');
  });

  test('after intake, the case page shows the applicant’s similar earlier application', async () => {
    const b = new Browser(app);
    await b.login('zx-handler');
    const form = {
      agencyId: zhongxing,
      channel: 'in_person',
      applicantKind: 'natural',
      name: '李四',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13900001111',
      infoTitle: '仲兴乡2025年秸秆禁烧补助发放名单',
      form: 'electronic',
      delivery: 'online',
    };
    const first = await b.submit('/admin/requests/new', '/admin/requests/new', form);
    assert.equal(first.statusCode, 303);
    const firstId = /\/admin\/requests\/([^?]+)/.exec(first.headers.location as string)![1]!;
    const second = await b.submit('/admin/requests/new', '/admin/requests/new', {
      ...form,
      infoTitle: '申请公开2025年仲兴乡秸秆禁烧补助的发放名单',
    });
    const page = await b.get(second.headers.location as string);
    assert.match(page.body, /同一申请人此前申请过相似信息/);
    assert.ok(page.body.includes(`href="/admin/requests/${firstId}"`));
    const firstPage = await b.get(`/admin/requests/${firstId}`);
    assert.ok(!firstPage.body.includes('同一申请人此前申请过相似信息'), 'only earlier applications count');
  });
});

describeEachDatabase('historical import over HTTP', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });
  after(async () => app.close());

  const upload = async (b: Browser, agencyId: string, name: string, content: Buffer) => {
    const page = await b.get('/admin/requests/import');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const boundary = 'gongkaiboundary';
    const part = (headers: string, body: Buffer | string) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
        Buffer.from(body),
        Buffer.from('\r\n'),
      ]);
    const payload = Buffer.concat([
      part('Content-Disposition: form-data; name="_csrf"', token),
      part('Content-Disposition: form-data; name="agencyId"', agencyId),
      part(
        `Content-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv`,
        content,
      ),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    return app.inject({
      method: 'POST',
      url: '/admin/requests/import',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      cookies: cookiesOf(b),
    });
  };
  // The test browser keeps its cookies private; a multipart POST needs them too.
  const cookiesOf = (b: Browser) =>
    Object.fromEntries((b as unknown as { cookies: Map<string, string> }).cookies);

  test('templates download; a bad CSV lists its problems and stores nothing; a good one is stored', async () => {
    const zhongxing = (
      await ctx.db
        .selectFrom('agencies')
        .select('id')
        .where('path_segment', '=', 'zhongxing')
        .executeTakeFirstOrThrow()
    ).id;
    const b = new Browser(app);
    await b.login('zx-handler');
    const csv = await b.get('/admin/requests/import/template.csv');
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 BOM for Excel');
    const xlsx = await b.get('/admin/requests/import/template.xlsx');
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
    const header = csv.body.replace(/^\uFEFF/, '').trim();
    const row =
      '当面提交,2025-02-10,自然人,王五,居民身份证,ID,,,,13800001234,,,,2024年低保名单,,,纸质,自行领取,予以公开,2025-02-20';
    const count = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('request_cases')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad = await upload(
      b,
      zhongxing,
      'bad.csv',
      Buffer.from(`${header}\r\n${row.replace('ID', '110105194912310021')}\r\n`),
    );
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.body.includes('第 2 行「证件号码」：居民身份证号码校验位不正确，请核对'));
    assert.equal(await count(), before);
    const good = await upload(
      b,
      zhongxing,
      'good.csv',
      Buffer.from(`${header}\r\n${row.replace('ID', '11010519491231002X')}\r\n`),
    );
    assert.equal(good.statusCode, 303, good.body.slice(0, 300));
    assert.equal(await count(), before + 1);
    assert.ok((await b.get(good.headers.location as string)).body.includes('已导入 1 件申请'));
  });
});
