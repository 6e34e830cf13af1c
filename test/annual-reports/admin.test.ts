/** The admin screens through HTTP: staff write and submit, the supervisor returns and accepts, staff publish. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { annualReportsStore } from '../../src/annual-reports/annual-reports.store.js';
import { partIds } from '../../src/annual-reports/narrative.js';
import type { AppContext } from '../../src/platform/context.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';

describeEachDatabase('annual report admin', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let url: string;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
    const township = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    url = `/admin/annual-reports/${township.id}/2025`;
  });

  it('staff see the draft 2025 report with its computed text; bad submissions change nothing', async () => {
    const staff = new Browser(app);
    await staff.login('zx-admin');
    const page = await staff.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /共收到政府信息公开申请\d+件/);
    const refused = await staff.submit(url, `${url}/submit`, {});
    assert.equal(refused.statusCode, 422);
    assert.ok(refused.body.includes('年报尚未写完，不能报送。'));
    const r = (await annualReportsStore.byAgencyYear(
      ctx.db,
      (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!.id,
      2025,
    ))!;
    assert.equal(r.status, 'draft');
  });

  it('a number typed wrong is flagged; save, submit, return with comment, accept, publish', async () => {
    const township = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    const staff = new Browser(app);
    await staff.login('zx-admin');
    const r = (await annualReportsStore.byAgencyYear(ctx.db, township.id, 2025))!;
    const form = Object.fromEntries(
      partIds.map((id) => [id, r.narrative[id].replace(/【待填写[^】]*】/g, '已落实。')]),
    );
    form['s1.onRequest'] = '本年度共收到申请 999 件。';
    assert.equal((await staff.submit(url, `${url}/save`, form)).statusCode, 303);
    assert.ok((await staff.get(url)).body.includes('但表格中本年新收申请数为'));
    assert.equal((await staff.submit(url, `${url}/submit`, {})).statusCode, 303);

    const supervisor = new Browser(app);
    await supervisor.login('gz-supervisor');
    const roll = await supervisor.get('/admin/annual-reports?year=2025');
    assert.ok(roll.body.includes('固镇县仲兴乡人民政府') && roll.body.includes('已报送'));
    assert.ok(!roll.body.includes('蚌埠市人民政府</a>'));
    assert.ok(roll.body.includes('合计（统计汇总）'));
    const noComment = await supervisor.submit(url, `${url}/return`, { comment: '' });
    assert.equal(noComment.statusCode, 422);
    assert.equal(
      (await supervisor.submit(url, `${url}/return`, { comment: '申请数与表三不一致。' })).statusCode,
      303,
    );

    const back = await staff.get(url);
    assert.ok(back.body.includes('申请数与表三不一致。'));
    form['s1.onRequest'] = r.narrative['s1.onRequest'];
    await staff.submit(url, `${url}/save`, form);
    await staff.submit(url, `${url}/submit`, {});
    assert.equal((await staff.submit(url, `${url}/accept`, {})).statusCode, 403);
    await supervisor.submit(url, `${url}/accept`, {});
    assert.equal((await staff.submit(url, `${url}/publish`, {})).statusCode, 303);
    const pub = await app.inject('/zhongxing/xxgk/ndbg/2025');
    assert.equal(pub.statusCode, 200);
    assert.ok(pub.body.includes('已落实。'));
  });
});
