import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { addCalendarDays } from '../../src/calendar/dates.js';
import { legalToday } from '../../src/calendar/legal-day.js';
import type { AppContext } from '../../src/platform/context.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';

describeEachDatabase('HTTP: public rating campaigns', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });

  test('a supervisor opens a campaign and invites; the public and an evaluator rate; results count both', async () => {
    const all = await agenciesStore.all(ctx.db);
    const office = all.find((a) => a.level === 'general_office' && a.name.includes('固镇'))!;
    const zhongxing = all.find((a) => a.pathSegment === 'zhongxing')!;
    const today = legalToday(ctx);
    const admin = new Browser(app);
    await admin.login('admin');
    const bad = await admin.submit('/admin/ratings', '/admin/ratings', {
      organiserId: office.id,
      title: '',
      opensOn: 'x',
      closesOn: today,
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /请填写评议名称/);
    assert.match(bad.body, /请至少选择一个被评议单位/);
    const made = await admin.submit('/admin/ratings', '/admin/ratings', {
      organiserId: office.id,
      title: '政务公开社会评议',
      opensOn: addCalendarDays(today, -1),
      closesOn: addCalendarDays(today, 30),
      agencyIds: [zhongxing.id],
      publicRound: 'on',
    });
    assert.equal(made.statusCode, 303);
    const detailUrl = String(made.headers.location);
    const id = detailUrl.split('/').pop()!;
    const invited = await admin.submit(detailUrl, `${detailUrl}/invite`, {
      kind: 'deputy',
      label: '县人大代表 王某',
    });
    assert.equal(invited.statusCode, 201);
    const code = /邀请码：<strong>(\w+)<\/strong>/.exec(invited.body)![1]!;

    const person = new Browser(app);
    const home = await person.get(`/${office.pathSegment}/xxgk/`);
    assert.match(home.body, /社会评议/);
    const url = `/${office.pathSegment}/pingyi/${id}`;
    const scores = { accuracy: '5', timeliness: '4', procedure: '5', institution: '4' };
    const missing = await person.submit(url, url, { agencyId: zhongxing.id, accuracy: '5', website: '' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /请为“公开信息及时”评分/);
    assert.equal(
      (await person.submit(url, url, { agencyId: zhongxing.id, ...scores, website: '' })).statusCode,
      201,
    );
    const byEvaluator = await person.submit(url, url, {
      agencyId: zhongxing.id,
      ...scores,
      accuracy: '3',
      code,
      website: '',
    });
    assert.equal(byEvaluator.statusCode, 201);
    assert.match(byEvaluator.body, /受邀评议/);

    const results = await admin.get(detailUrl);
    assert.match(results.body, /4\.00（1 份）/); // invited: (3+4+5+4)/4
    assert.match(results.body, /4\.50（1 份）/); // public
    assert.match(results.body, /4\.25（2 份）/); // all
  });
});
