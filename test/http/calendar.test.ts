import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/demo/load-demo.js';
import { buildApp } from '../../src/web/app.js';
import { effectiveCalendar } from '../../src/calendar/effective-calendar.js';
import { appServices } from '../../src/app/services.js';
import type { AppContext } from '../../src/platform/context.js';
import { describeEachDatabase } from '../support/db.js';
import { testContext } from '../support/context.js';
import { Browser } from '../support/http.js';

// A fixed "today" in 2026: 2026 is shipped, 2027 is not, so the next year's arrangement is missing.
const TODAY = new Date('2026-06-01T04:00:00Z');

const holidayCn2027 = JSON.stringify({
  year: 2027,
  papers: ['https://example.gov.cn/2027'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-02-06', isOffDay: false },
  ],
});

describeEachDatabase('calendar admin over HTTP', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let recomputed = 0;
  before(async () => {
    ctx = testContext(handle(), { now: () => TODAY });
    await loadDemo(ctx);
    // The platform's recomputers and a tiny one standing in for requests/messages: one open case per changed day.
    const services = appServices();
    app = await buildApp(
      ctx,
      appServices({
        calendarRecomputers: [
          ...services.calendarRecomputers,
          {
            name: '测试案件',
            recompute: async (_ctx, change) => ((recomputed += change.days.length), change.days.length),
          },
        ],
      }),
      { logger: false },
    );
  });
  after(async () => {
    await app.close();
  });

  const count = async () => (await handle().db.selectFrom('calendar_years').select('id').execute()).length;

  test('only platform administrators see the calendar; others are refused', async () => {
    const handler = new Browser(app);
    await handler.login('zx-handler');
    const res = await handler.get('/admin/calendar');
    assert.equal(res.statusCode, 403);
    const menu = await handler.get('/admin/');
    assert.doesNotMatch(menu.body, /href="\/admin\/calendar"/);
    const post = await handler.submit('/admin/', '/admin/calendar', { text: holidayCn2027 });
    assert.equal(post.statusCode, 403);
    assert.match(post.body, /只有平台管理员/);
    assert.equal(await count(), 0);
  });

  test('the overview lists the years with their source, and warns that next year is missing', async () => {
    const admin = new Browser(app);
    await admin.login('admin');
    const page = await admin.get('/admin/calendar');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2007年/);
    assert.match(page.body, /2027年的国务院节假日安排尚未载入/);
    assert.match(page.body, /2027年<\/a><\/td><td><span class="tag error">缺失/);
    assert.match(page.body, /2026年<\/a><\/td><td>随系统提供/);
    const dashboard = await admin.get('/admin/');
    assert.match(dashboard.body, /2027年的国务院节假日安排尚未载入/);
    assert.match(dashboard.body, /href="\/admin\/calendar"/);
    const year = await admin.get('/admin/calendar/2025');
    assert.match(year.body, /2025年1月26日（星期日）<\/td><td>调休上班<\/td><td>春节/);
    assert.match(year.body, /全年工作日共 248 天/);
  });

  test('bad input shows the error summary and stores nothing', async () => {
    const admin = new Browser(app);
    await admin.login('admin');
    for (const text of [
      '{ not json',
      '',
      JSON.stringify({ year: 2027, papers: [], days: [{ name: 'x', date: '2027-02-30', isOffDay: true }] }),
    ]) {
      const res = await admin.submit('/admin/calendar', '/admin/calendar', { text, source: 'x' });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /未做任何更改/);
    }
    assert.equal(await count(), 0);
  });

  test('a pasted arrangement is saved with history, recomputes cases, and clears the warning', async () => {
    const admin = new Browser(app);
    await admin.login('admin');
    const res = await admin.submit('/admin/calendar', '/admin/calendar', {
      text: holidayCn2027,
      source: '国办发明电〔2026〕x号',
      note: '首次载入',
    });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/admin\/calendar\/2027\?saved=1&days=2&cases=2/);
    assert.equal(recomputed, 2);
    const year = await admin.get(String(res.headers.location));
    assert.match(year.body, /已保存第1版：2天有变化，重新计算了2件/);
    assert.match(year.body, /国办发明电〔2026〕x号/);
    assert.match(year.body, /首次载入/);
    assert.equal((await effectiveCalendar(ctx)).isWorkingDay('2027-01-01'), false);
    const dashboard = await admin.get('/admin/');
    assert.doesNotMatch(dashboard.body, /尚未载入/);
    const overview = await admin.get('/admin/calendar');
    assert.match(overview.body, /2027年<\/a><\/td><td>管理员载入/);
    const events = await handle()
      .db.selectFrom('events')
      .select('action')
      .where('entity_type', '=', 'calendar_year')
      .execute();
    assert.deepEqual(events.map((e) => e.action).sort(), [
      'calendar.arrangement_saved',
      'calendar.due_dates_recomputed',
    ]);
  });
});
