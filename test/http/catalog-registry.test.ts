/**
 * Registry, notice periods, name checks, footer identifiers, statistics and the upload limit through HTTP
 * (app.inject) on both databases.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { addCalendarDays } from '../../src/calendar/dates.js';
import { legalToday } from '../../src/calendar/legal-day.js';
import { catalogStore } from '../../src/catalog/catalog.store.js';
import { endNoticePeriods } from '../../src/catalog/items/notice-periods.job.js';
import { registryStore } from '../../src/catalog/registry/registry.store.js';
import { siteStore } from '../../src/catalog/site/site.store.js';
import { MAX_ATTACHMENT_BYTES } from '../../src/catalog/items/attachments.js';
import type { AppContext } from '../../src/platform/context.js';
import { testNow } from '../support/clock.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp, multipartBody } from '../support/http.js';

const multipart = (fields: Record<string, string>, file: { name: string; content: Buffer }) =>
  multipartBody(fields, [{ field: 'attachment', ...file }]);

describeEachDatabase('registry, notice periods, names and footer over HTTP', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let zxId: string;
  let columnId: string;
  let now = testNow();
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
    ctx.now = () => now;
    zxId = (await app.inject({ url: '/api/v1/agencies/zhongxing' })).json<{ id: string }>().id;
    columnId = (await catalogStore.columnByCode(ctx.db, zxId, 'gzdt'))!.id;
  });

  /** An editor drafts and submits an item through the forms; returns its admin URL. */
  const submitted = async (title: string, bodyHtml: string) => {
    const editor = new Browser(app);
    await editor.login('zx-editor');
    const url = `/admin/catalog/new?agency=${zxId}`;
    const res = await editor.submit(url, url, {
      columnId,
      title,
      summary: '概述',
      issuer: '固镇县仲兴乡人民政府',
      writtenOn: '2026-11-20',
      bodyHtml,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const itemUrl = res.headers.location as string;
    assert.equal((await editor.submit(itemUrl, `${itemUrl}/submit`, {})).statusCode, 303);
    return itemUrl;
  };

  test('an attachment over the limit gets a field message in Chinese, not a 413, and nothing is stored', async () => {
    const editor = new Browser(app);
    await editor.login('zx-editor');
    const itemUrl = await submitted('上传限制测试', '<p>正文</p>');
    const page = await editor.get(itemUrl);
    const form = multipart(
      { _csrf: csrfOf(page.body) },
      { name: '大文件.pdf', content: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1024, 0x25) },
    );
    const res = await app.inject({
      method: 'POST',
      url: `${itemUrl}/attachments`,
      payload: form.payload,
      headers: { 'content-type': form.contentType, cookie: `gk_session=${editor.cookie('gk_session')}` },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /附件“大文件.pdf”超过 20 MB 的上传限制/);
    assert.match(res.body, /class="error-summary"/);
    assert.deepEqual(await catalogStore.attachments(ctx.db, itemUrl.split('/').pop()!), []);
  });

  test('footer identifiers: bad input refused in Chinese; set on the county, shown on the township pages', async () => {
    const admin = new Browser(app);
    await admin.login('admin');
    const guzhen = (await app.inject({ url: '/api/v1/agencies/guzhen' })).json<{ id: string }>().id;
    const page = `/admin/catalog/site?agency=${guzhen}`;
    const demo = await siteStore.identity(ctx.db, guzhen);
    assert.equal(demo?.siteCode, '3403230008', 'the demo county has its identifiers');
    const bad = await admin.submit(page, page, {
      siteCode: '34032',
      icpNo: 'ICP123',
      psbNo: '',
      partyMarkUrl: 'javascript:alert(1)',
      errorReportUrl: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /网站标识码应为 10 位/);
    assert.match(bad.body, /ICP 备案号格式如/);
    assert.match(bad.body, /请填写以 http:\/\/ 或 https:\/\/ 开头的网址/);
    assert.deepEqual(await siteStore.identity(ctx.db, guzhen), demo);
    const before = await app.inject({ url: '/zhongxing/' });
    assert.match(before.body, /网站标识码：3403230008/);
    const ok = await admin.submit(page, page, {
      siteCode: '3403230001',
      icpNo: '皖ICP备05001234号-1',
      psbNo: '皖公网安备 34032302000001号',
      partyMarkUrl: 'https://bszs.conac.cn/sitename?method=show&id=1',
      errorReportUrl: 'https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?webCode=3403230001',
    });
    assert.equal(ok.statusCode, 303);
    for (const url of ['/zhongxing/', '/zhongxing/xxgk/guide', '/guzhen/']) {
      const body = (await app.inject({ url })).body;
      assert.match(body, /网站标识码：3403230001/, url);
      assert.match(body, /皖ICP备05001234号-1/, url);
      assert.match(body, /皖公网安备 34032302000001号/, url);
      assert.match(
        body,
        /<a href="https:\/\/bszs.conac.cn\/sitename\?method=show&amp;id=1">党政机关网站标识<\/a>/,
        url,
      );
      assert.match(body, /我为政府网站找错<\/a>/, url);
    }
  });

  test('names that differ from the register must be confirmed before publishing', async () => {
    const admin = new Browser(app);
    await admin.login('zx-admin');
    const page = `/admin/catalog/site?agency=${zxId}`;
    const demo = await siteStore.names(ctx.db, zxId);
    assert.ok(demo.leaders.length > 0, 'the demo township has its register');
    const bad = await admin.submit(page, `/admin/catalog/names?agency=${zxId}`, {
      leaders: '乡长李四\n副乡长 王五',
      agencyNames: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /第 1 行“乡长李四”应为“职务 姓名”/);
    assert.deepEqual(await siteStore.names(ctx.db, zxId), demo);
    const ok = await admin.submit(page, `/admin/catalog/names?agency=${zxId}`, {
      leaders: '乡长 李四\n副乡长 王五',
      agencyNames: '仲兴乡农业综合服务站',
    });
    assert.equal(ok.statusCode, 303);
    const itemUrl = await submitted(
      '乡长办公会议纪要',
      '<p>会议由乡长张三主持，仲兴乡农业综和服务站汇报。</p>',
    );
    const reviewer = new Browser(app);
    await reviewer.login('zx-reviewer');
    const review = await reviewer.get(itemUrl);
    assert.match(review.body, /“乡长张三”（名单为：乡长 李四）/);
    assert.match(review.body, /“仲兴乡农业综和服务站”（名单为：仲兴乡农业综合服务站）/);
    const refused = await reviewer.submit(itemUrl, `${itemUrl}/publish`, {});
    assert.equal(refused.statusCode, 400);
    assert.equal((await catalogStore.itemById(ctx.db, itemUrl.split('/').pop()!))!.status, 'submitted');
    const published = await reviewer.submit(itemUrl, `${itemUrl}/publish`, { acknowledge: 'name_mismatch' });
    assert.equal(published.statusCode, 303);
  });

  test('a notice period set at publication: bad dates refused, the item comes down after it with its history', async () => {
    now = new Date('2026-12-01T02:00:00.000Z');
    const itemUrl = await submitted('仲兴乡2026年冬季救助对象公示', '<p>现予公示，公示期 7 天。</p>');
    const id = itemUrl.split('/').pop()!;
    const reviewer = new Browser(app);
    await reviewer.login('zx-reviewer');
    const early = await reviewer.submit(itemUrl, `${itemUrl}/publish`, { noticeEndsOn: '2026-11-30' });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /公示截止日期不能早于发布日期（2026-12-01）/);
    assert.equal(await registryStore.noticePeriodOf(ctx.db, id), undefined);
    assert.equal((await catalogStore.itemById(ctx.db, id))!.status, 'submitted');
    assert.equal(
      (await reviewer.submit(itemUrl, `${itemUrl}/publish`, { noticeEndsOn: '2026-12-07' })).statusCode,
      303,
    );
    assert.equal((await app.inject({ url: `/zhongxing/xxgk/items/${id}` })).statusCode, 200);
    now = new Date('2026-12-08T02:00:00.000Z');
    await endNoticePeriods(ctx);
    const page = await app.inject({ url: `/zhongxing/xxgk/items/${id}` });
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /仲兴乡2026年冬季救助对象公示（公示期满）/);
    assert.match(page.body, /公示期满（公示截止 2026-12-07）/);
    assert.match(page.body, /首次发布/);
    now = testNow();
  });

  test('registry page and rules; statistics page and JSON; bad input refused in Chinese', async () => {
    const admin = new Browser(app);
    await admin.login('zx-admin');
    const page = `/admin/catalog/registry?agency=${zxId}`;
    const list = await admin.get(page);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /仲兴乡农村宅基地审批管理暂行办法/);
    // The demo's three documents of 2025 were registered as they were published; the portal page shows it.
    const reg =
      /<td>(MB0400004-2025-00\d)<\/td>\s*<td>\s*<a href="\/admin\/catalog\/items\/([^"]+)">仲兴乡农村宅基地审批管理暂行办法/.exec(
        list.body,
      );
    assert.ok(reg, 'registration number listed');
    const portal = await app.inject({ url: `/zhongxing/xxgk/items/${reg[2]}` });
    assert.match(portal.body, new RegExp(`<th scope="row">统一登记号</th><td>${reg[1]}</td>`));
    const bad = await admin.submit(page, page, {
      registrationTemplate: '{YYYY}',
      defaultYears: '0',
      trialYears: '2',
      trialWords: '试行',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /统一登记号规则有误/);
    assert.match(bad.body, /默认有效期应为 1–10 年的整数/);
    assert.equal(await registryStore.settings(ctx.db, zxId), undefined);
    const ok = await admin.submit(page, page, {
      registrationTemplate: '仲规-{YYYY}-{seq:3}',
      defaultYears: '3',
      trialYears: '1',
      trialWords: '试行，暂行',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal((await registryStore.settings(ctx.db, zxId))!.registration_template, '仲规-{YYYY}-{seq:3}');

    const stats = await admin.get(`/admin/catalog/statistics?agency=${zxId}&year=2025`);
    assert.equal(stats.statusCode, 200);
    const json = (await app.inject({ url: '/api/v1/agencies/zhongxing/statistics?year=2025' })).json<{
      published: number;
      byColumn: Array<{ name: string; count: number }>;
    }>();
    assert.match(stats.body, new RegExp(`本年主动公开 ${json.published} 条`));
    const gzdt = json.byColumn.find((c) => c.name === '工作动态')!;
    assert.match(stats.body, new RegExp(`<th scope="row">工作动态</th><td>${gzdt.count}</td>`));
    const years = (await app.inject({ url: '/api/v1/agencies/zhongxing/statistics/years' })).json<{
      years: Array<{ year: number; published: number }>;
    }>();
    assert.equal(years.years.find((y) => y.year === 2025)!.published, json.published);
    const openapi = (await app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    assert.ok(openapi.paths['/api/v1/agencies/{segment}/statistics/years']);
    const badYear = await admin.get(`/admin/catalog/statistics?agency=${zxId}&year=abc`);
    assert.equal(badYear.statusCode, 400);
    assert.match(badYear.body, /年份应为 2000–2100 之间的四位数字/);
  });

  test('documents from before the platform: entered and repealed in the registry page, listed on the portal', async () => {
    const admin = new Browser(app);
    await admin.login('zx-admin');
    const page = `/admin/catalog/registry?agency=${zxId}`;
    const action = `/admin/catalog/registry/prior?agency=${zxId}`;
    const fields = {
      title: '仲兴乡农村集体“三资”管理办法',
      docNo: '仲政〔2022〕6号',
      registrationNo: 'BBWJ-2022-018',
      publishedOn: '2022-04-15',
      effectiveOn: '',
      expiresOn: '',
      repealedOn: '',
      sourceUrl: 'https://www.guzhen.gov.cn/zhongxing/2022/6.html',
    };
    const before = await registryStore.priorDocumentsOf(ctx.db, [zxId]);
    const bad = await admin.submit(page, action, {
      ...fields,
      docNo: '仲政[2022]6号',
      publishedOn: '2099-01-01',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /六角括号/);
    assert.match(bad.body, /存量文件的发布日期不能晚于今天/);
    // What was typed comes back in the form.
    assert.match(bad.body, /value="仲政\[2022\]6号"/);
    assert.deepEqual(await registryStore.priorDocumentsOf(ctx.db, [zxId]), before);
    const ok = await admin.submit(page, action, fields);
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
    const [doc] = (await registryStore.priorDocumentsOf(ctx.db, [zxId])).filter(
      (d) => d.doc_no === fields.docNo,
    );
    assert.ok(doc, 'stored');
    assert.equal(ok.headers.location, `${page}#prior-${doc.id}`);
    const list = await admin.get(page);
    assert.match(list.body, new RegExp(`<tr id="prior-${doc.id}">`));
    assert.match(list.body, /BBWJ-2022-018/);
    // One whose 有效期至 is a month away joins the reminder list, linked to its row.
    const soon = addCalendarDays(legalToday(ctx), 30);
    const expiring = await admin.submit(page, action, {
      ...fields,
      title: '仲兴乡秸秆禁烧管理暂行规定',
      docNo: '仲政〔2021〕5号',
      publishedOn: '2021-05-01',
      expiresOn: soon,
      sourceUrl: '',
    });
    assert.equal(expiring.statusCode, 303);
    const reminders = (await admin.get(page)).body.split('<h2>登记簿</h2>')[0]!;
    assert.match(
      reminders,
      new RegExp(`<a href="#prior-[^"]+">仲兴乡秸秆禁烧管理暂行规定</a>（仲政〔2021〕5号）有效期至 ${soon}`),
    );
    // At a month end the page lists what the sweep reminds of (expiryAlertDue): 有效期至 31 August on 28 February.
    const monthEnd = await admin.submit(page, action, {
      ...fields,
      title: '仲兴乡村庄保洁管理暂行办法',
      docNo: '仲政〔2021〕9号',
      publishedOn: '2021-09-01',
      expiresOn: '2027-08-31',
      sourceUrl: '',
    });
    assert.equal(monthEnd.statusCode, 303, monthEnd.body.slice(0, 300));
    const listsIt = async () => {
      const later = new Browser(app);
      await later.login('zx-admin');
      return (await later.get(page)).body.split('<h2>登记簿</h2>')[0]!.includes('仲兴乡村庄保洁管理暂行办法');
    };
    now = new Date('2027-02-27T02:00:00.000Z');
    assert.equal(await listsIt(), false);
    now = new Date('2027-02-28T02:00:00.000Z');
    assert.equal(await listsIt(), true);
    now = testNow();
    const again = await admin.submit(page, action, fields);
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /已登记，不能重复登记/);

    const portal = await app.inject({ url: '/zhongxing/xxgk/normative' });
    assert.match(
      portal.body,
      /<a href="https:\/\/www.guzhen.gov.cn\/zhongxing\/2022\/6.html">仲兴乡农村集体“三资”管理办法<\/a>（本平台启用前发布）/,
    );
    // The documents published here are still listed beside it, with their pages.
    assert.match(portal.body, /<a href="\/zhongxing\/xxgk\/items\/[^"]+">仲兴乡农村宅基地审批管理暂行办法/);

    const repeal = `/admin/catalog/registry/prior/${doc.id}/repeal?agency=${zxId}`;
    const badRepeal = await admin.submit(page, repeal, { [`repeal-${doc.id}`]: '2021-01-01' });
    assert.equal(badRepeal.statusCode, 400);
    assert.match(badRepeal.body, new RegExp(`<a href="#f-repeal-${doc.id}">废止日期不能早于发布日期</a>`));
    assert.equal((await registryStore.priorDocument(ctx.db, doc.id))!.repealed_on, null);
    const today = legalToday(ctx);
    const repealed = await admin.submit(page, repeal, { [`repeal-${doc.id}`]: today });
    assert.equal(repealed.statusCode, 303);
    assert.equal((await registryStore.priorDocument(ctx.db, doc.id))!.repealed_on, today);
    assert.match(
      (await app.inject({ url: '/zhongxing/xxgk/normative' })).body,
      new RegExp(`废止（${today}）`),
    );
  });
});
