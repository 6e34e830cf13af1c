import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { submitMessage } from '../../src/interaction/submit-message.js';
import type { AppContext } from '../../src/platform/context.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';

describeEachDatabase('supervisor dashboard over HTTP: drill-down and scope', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let zhongxing: string, hugou: string;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
    const all = await agenciesStore.all(ctx.db);
    zhongxing = all.find((a) => a.pathSegment === 'zhongxing')!.id;
    hugou = all.find((a) => a.pathSegment === 'hugou')!.id;
    // A message to 湖沟镇 received more than 3 months ago and never answered.
    const real = ctx.now;
    const long = new Date(real().getTime() - 120 * 86400_000);
    ctx.now = () => long;
    await submitMessage(ctx, hugou, {
      kind: 'consultation',
      subject: '长期未答复的咨询',
      body: '内容',
      name: '赵六',
      phone: '13700000001',
      isPublic: 'yes',
    });
    ctx.now = real;
  });
  after(async () => app.close());

  test('the supervisor sees every subordinate, the critical alarm, and drills down to the records', async () => {
    const b = new Browser(app);
    await b.login('gz-supervisor');
    const home = await b.get('/admin/supervision');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /严重告警：所辖单位有 \d+ 条留言超过3个月未答复/);
    assert.match(home.body, /固镇县仲兴乡人民政府/);
    assert.match(home.body, /固镇县湖沟镇人民政府/);
    assert.match(home.body, /<caption>[^<]*各月主动公开发布条目/);
    assert.match(home.body, /<th scope="col"/);
    assert.match(home.body, /src="\/assets\/echarts-[\d.]+\.min\.js"/);

    const page = await b.get(`/admin/supervision/agencies/${hugou}?year=${ctx.now().getUTCFullYear()}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /严重告警：本单位有 1 条留言超过3个月未答复/);
    const link = /href="(\/admin\/supervision\/agencies\/[^"]+\/overdue-messages\?year=\d+)"/.exec(page.body);
    assert.ok(link, 'the overdue count links to the records');
    const records = await b.get(link[1]!.replace(/&amp;/g, '&'));
    assert.equal(records.statusCode, 200);
    assert.match(records.body, /长期未答复的咨询/);
    assert.match(records.body, /href="\/admin\/messages\/[^"]+"/);
    assert.match(records.body, /超过3个月未答复/);
  });

  test('a township user sees its own figures only, never another township', async () => {
    const b = new Browser(app);
    await b.login('zx-admin');
    const home = await b.get('/admin/supervision');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /固镇县仲兴乡人民政府/);
    assert.doesNotMatch(home.body, /湖沟镇/);
    assert.doesNotMatch(home.body, /长期未答复的咨询/);
    assert.equal((await b.get(`/admin/supervision/agencies/${zhongxing}`)).statusCode, 200);
    for (const url of [
      `/admin/supervision/agencies/${hugou}`,
      `/admin/supervision/agencies/${hugou}/overdue-messages`,
      `/admin/supervision?agency=${hugou}`,
    ]) {
      const res = await b.get(url);
      assert.doesNotMatch(res.body, /长期未答复的咨询|湖沟镇/, url);
    }
    assert.equal((await b.get(`/admin/supervision/agencies/${hugou}`)).statusCode, 404);
    assert.equal((await b.get(`/admin/supervision/agencies/${zhongxing}/nonsense`)).statusCode, 404);
  });

  test('the admin home carries the critical alarm for the messages in scope only', async () => {
    const count = async (user: string) => {
      const b = new Browser(app);
      await b.login(user);
      const home = await b.get('/admin/');
      const m = /严重告警：(\d+) 条留言超过3个月未答复/.exec(home.body);
      return { n: m ? Number(m[1]) : 0, body: home.body };
    };
    const supervisor = await count('gz-supervisor');
    const township = await count('zx-admin');
    assert.ok(supervisor.n >= 1);
    assert.match(supervisor.body, /href="\/admin\/supervision"/);
    // 湖沟镇's message is the supervisor's concern, never 仲兴乡's.
    assert.ok(township.n < supervisor.n, `${township.n} < ${supervisor.n}`);
  });

  test('the chart scripts are served with a long cache from this origin', async () => {
    const b = new Browser(app);
    await b.login('gz-supervisor');
    const home = await b.get('/admin/supervision');
    for (const m of home.body.matchAll(/<script src="(\/assets\/[^"]+)"/g)) {
      const res = await app.inject({ url: m[1]! });
      assert.equal(res.statusCode, 200, m[1]);
      assert.match(String(res.headers['content-type']), /javascript/);
      assert.match(String(res.headers['cache-control']), /max-age=31536000/);
    }
    assert.match(String(home.headers['content-security-policy']), /script-src 'self'/);
    assert.doesNotMatch(home.body, /<script>(?!<\/script>)/, 'no inline script');
  });
});
