/**
 * Online withdrawal from the status page: tracking code + last 4 digits of the phone, a confirmation step,
 * an event on the case, and the case counted in table 三 （六）3 其他 (withdrawn; spec §2.6).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import type { AppContext } from '../../src/platform/context.js';
import { cellId } from '../../src/reports/model/formats.js';
import { requestsTable3Source } from '../../src/reports/requests-table3.js';
import { requestsStore } from '../../src/requests/requests.store.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';

const application = {
  applicantKind: 'natural',
  name: '王五',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800004321',
  infoTitle: '仲兴乡2026年公益性岗位名单',
  form: 'electronic',
  delivery: 'online',
  website: '',
};
// Table 三, （六）其他处理 3. 其他 in the 2021 template (30号): where a withdrawn application is counted.
const WITHDRAWN_ROW = 't3.r3.6.3';

describeEachDatabase('online withdrawal', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });
  after(async () => app.close());

  test('confirmed withdrawal closes the case, is recorded, and counts in （六）3', async () => {
    const pub = new Browser(app);
    const sent = await pub.submit('/zhongxing/ysqgk/apply', '/zhongxing/ysqgk/apply', application);
    const code = /receipt\/([2-9A-HJ-NP-Z]{12})/.exec(String(sent.headers.location))![1]!;
    const row = (await requestsStore.byTrackingCode(ctx.db, code))!;
    const access = { trackingCode: code, last4: '4321' };

    const status = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status', access);
    assert.match(status.body, /action="\/zhongxing\/ysqgk\/status\/withdraw"/);

    const wrong = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status/withdraw', {
      ...access,
      last4: '0000',
      confirm: 'yes',
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /查询码或电话号码后 4 位不正确/);

    const ask = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status/withdraw', access);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /确认撤回申请/);
    assert.equal(
      (await requestsStore.byId(ctx.db, row.id))!.state,
      'registered',
      'nothing before confirming',
    );

    const done = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status/withdraw', {
      ...access,
      confirm: 'yes',
      note: '已通过其他途径获得',
    });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /您的申请已撤回/);
    assert.match(done.body, /申请人撤回申请，终止办理/);
    assert.doesNotMatch(done.body, /status\/withdraw"/, 'a closed case cannot be withdrawn again');

    const after = (await requestsStore.byId(ctx.db, row.id))!;
    assert.equal(after.state, 'closed');
    assert.equal(after.outcome, 'withdrawn');
    const closed = (await requestsStore.events(ctx.db, row.id)).find((e) => e.type === 'closed')!;
    assert.deepEqual(closed.data, { outcome: 'withdrawn', note: '已通过其他途径获得', online: true });
    assert.equal(closed.actorLabel, '申请人（网上撤回）');
    const audit = await ctx.db
      .selectFrom('events')
      .select('action')
      .where('entity_id', '=', row.id)
      .where('action', '=', 'request.withdraw')
      .execute();
    assert.equal(audit.length, 1);

    const again = await pub.submit('/zhongxing/ysqgk/status', '/zhongxing/ysqgk/status/withdraw', {
      ...access,
      confirm: 'yes',
    });
    assert.notEqual(again.statusCode, 200);
    assert.match(again.body, /不能“申请人撤回”/);

    const agency = (await agenciesStore.all(ctx.db)).find((a) => a.pathSegment === 'zhongxing')!;
    const cells = (
      await requestsTable3Source(ctx).table3(
        { id: agency.id, name: agency.name, level: 'township' as const },
        row.year,
        '2021',
      )
    ).cells;
    assert.ok(cells[cellId(WITHDRAWN_ROW, 'natural')]!.caseIds!.includes(row.id));
  });
});
