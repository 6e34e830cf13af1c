/**
 * HTTP: the always-open rating (public form, held comment, moderation, chart) and 征集调查 (publish, opinion
 * within the period, refusal after it, feedback) through app.inject on both databases.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { addCalendarDays } from '../../src/calendar/dates.js';
import { legalToday } from '../../src/calendar/legal-day.js';
import { catalogStore } from '../../src/catalog/catalog.store.js';
import type { AppContext } from '../../src/platform/context.js';
import { SESSION_COOKIE } from '../../src/web/app.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';

describeEachDatabase('HTTP: always-open rating and 征集调查', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });

  test('the public rates the disclosure and an item; the comment shows only after approval', async () => {
    const person = new Browser(app);
    const url = '/zhongxing/pingyi/';
    const page = await person.get(url);
    assert.match(page.body, /评价本机关政务公开工作/);
    const noCsrf = await person.post(url, { accuracy: '5' });
    assert.equal(noCsrf.statusCode, 403);
    const bad = await person.submit(url, url, { accuracy: '5', comment: '' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /请为“公开信息及时”评分/);
    const scores = { accuracy: '5', timeliness: '4', procedure: '5', institution: '4' };
    const comment = '网站栏目清楚，政策解读通俗易懂。';
    const done = await person.submit(url, url, { ...scores, comment, website: '' });
    assert.equal(done.statusCode, 201);
    assert.match(done.body, /审核后公开显示/);
    assert.doesNotMatch(done.body, new RegExp(comment));

    const [item] = await catalogStore.published(ctx.db, {
      agencyId: await zhongxingId(),
      limit: 1,
    });
    assert.ok(item);
    assert.match((await person.get(`/zhongxing/xxgk/items/${item.id}`)).body, /评价这条信息/);
    const itemUrl = `/zhongxing/pingyi/items/${item.id}`;
    const badItem = await person.submit(itemUrl, itemUrl, { score: '7' });
    assert.equal(badItem.statusCode, 422);
    assert.match(badItem.body, /请选择这条信息对您是否有用/);
    assert.equal((await person.submit(itemUrl, itemUrl, { useful: 'yes', score: '5' })).statusCode, 201);

    const staff = new Browser(app);
    await staff.login('zx-head');
    const admin = await staff.get('/admin/open-ratings');
    assert.equal(admin.statusCode, 200);
    assert.match(admin.body, /<svg/);
    assert.match(admin.body, new RegExp(comment));
    // The row that holds this comment: no other row's id between the id and the comment.
    const id = new RegExp(`id="r-([\\w-]+)">(?:(?!id="r-)[\\s\\S])*?${comment}`).exec(admin.body)![1]!;
    const action = `/admin/open-ratings/${id}/moderate`;
    const noReason = await staff.submit('/admin/open-ratings', action, { decision: 'reject', reason: '' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /不通过时请填写理由/);
    assert.doesNotMatch((await person.get(url)).body, new RegExp(comment));
    assert.equal(
      (await staff.submit('/admin/open-ratings', action, { decision: 'approve' })).statusCode,
      303,
    );
    assert.match((await person.get(url)).body, new RegExp(comment));
  });

  async function zhongxingId() {
    const r = await ctx.db
      .selectFrom('agencies')
      .select('id')
      .where('path_segment', '=', 'zhongxing')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  test('staff publish a draft; opinions are taken in the period and refused after; feedback is published', async () => {
    const staff = new Browser(app);
    await staff.login('zx-head');
    const today = legalToday(ctx);
    const bad = await staff.submit('/admin/consultations', '/admin/consultations', {
      agencyId: await zhongxingId(),
      title: '',
      draftText: '',
      opensOn: today,
      closesOn: addCalendarDays(today, -1),
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /请填写征集标题/);
    assert.match(bad.body, /截止日期不能早于开始日期/);
    const made = await staff.submit('/admin/consultations', '/admin/consultations', {
      agencyId: await zhongxingId(),
      title: '仲兴乡集镇停车管理规定（征求意见稿）',
      draftText: '第一条 集镇主街实行分时段停车。',
      opensOn: today,
      closesOn: addCalendarDays(today, 10),
    });
    assert.equal(made.statusCode, 303);
    const adminUrl = String(made.headers.location);
    const id = adminUrl.split('/').pop()!;

    const person = new Browser(app);
    const home = await person.get('/zhongxing/xxgk/');
    assert.match(home.body, /href="\/zhongxing\/zjdc\/"/);
    assert.match((await person.get('/zhongxing/zjdc/')).body, /集镇停车管理规定/);
    const url = `/zhongxing/zjdc/${id}`;
    const empty = await person.submit(url, url, { body: '', contact: 'x' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请填写您的意见建议/);
    assert.match(empty.body, /联系方式请填写手机号/);
    const ok = await person.submit(url, url, {
      body: '建议增设临时停车位。',
      name: '王五',
      contact: '13700000000',
    });
    assert.equal(ok.statusCode, 201);
    assert.match(ok.body, /您的意见已收到/);
    const detail = await staff.get(adminUrl);
    assert.match(detail.body, /建议增设临时停车位/);
    assert.match(detail.body, /王五 13700000000/);
    assert.doesNotMatch((await person.get(url)).body, /王五/);
    // Users without the message-handling role do not see it.
    const editor = new Browser(app);
    await editor.login('zx-editor');
    assert.equal((await editor.get(adminUrl)).statusCode, 404);

    const token = csrfOf((await person.get(url)).body);
    const real = ctx.now;
    try {
      const later = new Date(real().getTime() + 12 * 86_400_000);
      ctx.now = () => later;
      const late = await person.post(url, { _csrf: token, body: '晚到的意见' });
      assert.equal(late.statusCode, 422);
      assert.match(late.body, /当前不在征集期内/);
      await staff.login('zx-head'); // the session idled out over the twelve days
      const opinionId = /name="decision_([\w-]+)"/.exec((await staff.get(adminUrl)).body)![1]!;
      const action = `${adminUrl}/feedback`;
      const noSummary = await staff.submit(adminUrl, action, { [`decision_${opinionId}`]: 'not_adopted' });
      assert.equal(noSummary.statusCode, 422);
      assert.match(noSummary.body, /请填写反馈情况说明/);
      assert.match(noSummary.body, /请说明第 1 条意见未完全采纳的理由/);
      const published = await staff.submit(adminUrl, action, {
        summary: '收到意见1条，已采纳。',
        [`decision_${opinionId}`]: 'adopted',
      });
      assert.equal(published.statusCode, 303);
      const pub = await person.get(url);
      assert.match(pub.body, /收到意见1条，已采纳。/);
      assert.match(pub.body, /<td>采纳<\/td>/);
      assert.match((await person.get('/zhongxing/zjdc/')).body, /已公布反馈[\s\S]*集镇停车管理规定/);
    } finally {
      ctx.now = real;
    }
  });

  test('a draft with an attachment is published through the multipart form; the public downloads it', async () => {
    const staff = new Browser(app);
    await staff.login('zx-head');
    const token = csrfOf((await staff.get('/admin/consultations')).body);
    const today = legalToday(ctx);
    const boundary = '----gongkai-test';
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    const send = async (file: { name: string; data: Buffer }) =>
      app.inject({
        method: 'POST',
        url: '/admin/consultations',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        cookies: { [SESSION_COOKIE]: staff.cookie(SESSION_COOKIE)! },
        payload: Buffer.concat([
          Buffer.from(
            field('_csrf', token) +
              field('agencyId', await zhongxingId()) +
              field('title', '仲兴乡河长制工作方案（征求意见稿）') +
              field('draftText', '一、总体要求……') +
              field('opensOn', today) +
              field('closesOn', addCalendarDays(today, 5)) +
              `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${file.name}"\r\n` +
              'Content-Type: application/octet-stream\r\n\r\n',
          ),
          file.data,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    const refused = await send({ name: 'run.exe', data: Buffer.from('MZ\x90\x00') });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /附件只能是 PDF、PNG 或 JPG 格式/);
    const made = await send({ name: '方案全文.pdf', data: pdf });
    assert.equal(made.statusCode, 303, made.body.slice(0, 300));
    const id = String(made.headers.location).split('/').pop()!;
    const page = await new Browser(app).get(`/zhongxing/zjdc/${id}`);
    const href = /href="([^"]+\/attachments\/[^"]+)"/.exec(page.body)![1]!;
    assert.match(page.body, /方案全文\.pdf/);
    const file = await app.inject({ method: 'GET', url: href });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(String(file.headers['content-disposition']), /^attachment/);
    assert.deepEqual(file.rawPayload, pdf);
  });
});
