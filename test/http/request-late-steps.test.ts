/**
 * Issue 32 over HTTP: on an overdue case, 告知补正 and 批准延期 are refused with the Chinese reason and the case
 * stays overdue; recorded as 补录 with a reason the step is kept, moves nothing, and the case page shows the
 * clock's finding; the demo's unanswered consultation has a due date.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { addCalendarDays } from '../../src/calendar/dates.js';
import { legalToday } from '../../src/calendar/legal-day.js';
import { systemActor } from '../../src/platform/actor.js';
import type { AppContext } from '../../src/platform/context.js';
import { acceptApplication } from '../../src/requests/actions/accept-application.js';
import { registerApplication } from '../../src/requests/actions/register-application.js';
import { requestsStore } from '../../src/requests/requests.store.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';
import { person } from '../support/request-cases.js';

describeEachDatabase('late statutory steps over HTTP (issue 32)', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let caseId = '';
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
    const zhongxing = (await agenciesStore.all(ctx.db)).find((a) => a.pathSegment === 'zhongxing')!;
    // Received in person 60 calendar days ago: past its 20 working days whatever the holidays.
    const received = addCalendarDays(legalToday(ctx), -60);
    const system = systemActor('测试');
    caseId = (
      await registerApplication(ctx, system, zhongxing.id, {
        ...person,
        channel: 'in_person',
        submittedOn: received,
      })
    ).caseId;
    await acceptApplication(ctx, system, { caseId, on: received });
  });
  after(async () => app.close());

  test('告知补正 and 批准延期 on an overdue case are refused; 补录 keeps the case overdue and shows why', async () => {
    const before = (await requestsStore.byId(ctx.db, caseId))!;
    assert.ok(before.due_date! < legalToday(ctx), 'the case is overdue');
    const eventCount = (await requestsStore.events(ctx.db, caseId)).length;
    const url = `/admin/requests/${caseId}`;
    const handler = new Browser(app);
    await handler.login('zx-handler');
    const clarify = await handler.submit(url, `${url}/act/request_clarification`, {
      'request_clarification.items': '请写明所需信息的文号',
      'request_clarification.deadline': addCalendarDays(legalToday(ctx), 15),
    });
    assert.equal(clarify.statusCode, 422);
    assert.match(clarify.body, /补正告知应当在收到申请之日起7个工作日内/);
    const head = new Browser(app);
    await head.login('zx-head');
    const extend = await head.submit(url, `${url}/act/approve_extension`, {
      'approve_extension.days': '20',
      'approve_extension.reason': '需要调取档案',
    });
    assert.equal(extend.statusCode, 422);
    assert.match(extend.body, /延长答复期限应当在答复期限（/);
    const unchanged = (await requestsStore.byId(ctx.db, caseId))!;
    assert.equal(unchanged.state, before.state);
    assert.equal(unchanged.due_date, before.due_date);
    assert.equal((await requestsStore.events(ctx.db, caseId)).length, eventCount);

    const recorded = await head.submit(url, `${url}/act/approve_extension`, {
      'approve_extension.days': '20',
      'approve_extension.reason': '需要调取档案',
      'approve_extension.lateReason': '延期决定已于当时书面作出，系统漏录',
    });
    assert.equal(recorded.statusCode, 303);
    const after = (await requestsStore.byId(ctx.db, caseId))!;
    assert.equal(after.due_date, before.due_date, 'a late extension extends nothing');
    const page = await head.get(url);
    assert.match(page.body, /期限提示/);
    assert.match(page.body, /已逾期，不改变答复期限/);
    assert.match(page.body, /逾期补录：延期决定已于当时书面作出，系统漏录/);
    assert.deepEqual(
      (JSON.parse(after.clock_findings) as Array<{ code: string }>).map((f) => f.code),
      ['extension_late'],
    );
  });

  test('the demo’s unanswered consultation has a due date', async () => {
    const open = await ctx.db
      .selectFrom('request_cases')
      .select(['id', 'due_date', 'state'])
      .where('state', '=', 'consulting')
      .execute();
    assert.ok(open.length > 0, 'the demo has a case awaiting a consultation');
    for (const c of open) assert.notEqual(c.due_date, null);
  });
});
