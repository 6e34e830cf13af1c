import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditCodeCheckChar } from '../access/credit-code.js';
import { systemActor, type Actor } from '../platform/actor.js';
import { createAgency } from '../agencies/save-agency.js';
import { ARRANGEMENT_FORMAT } from '../calendar/arrangement.js';
import { saveArrangement } from '../calendar/save-arrangement.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { recomputeRequestDueDates } from './recompute-due-dates.js';
import { requestsStore } from './requests.store.js';
import { submitApplication } from './public/submit-application.js';

const admin: Actor = {
  kind: 'user',
  userId: 'u',
  label: '平台管理员',
  grants: [{ agencyId: 'x', role: 'platform_admin' }],
};

describeEachDatabase('request due dates follow a saved holiday arrangement', ({ handle }) => {
  test('a 2027 New Year holiday moves an open case’s due date by one working day, once', async () => {
    const ctx = testContext(handle(), { now: () => new Date('2026-12-28T02:00:00Z') });
    const first = '11340323MB0000003';
    const { agencyId } = await createAgency(ctx, systemActor(), {
      name: '日历乡人民政府',
      shortName: '日历乡',
      creditCode: first + creditCodeCheckChar(first),
      divisionCode: '340323',
      level: 'township',
      pathSegment: 'rili',
      reconsiderationBody: '测试县人民政府',
      office: { name: '党政办', address: '', postcode: '', hours: '', phone: '', fax: '', email: '' },
      docNoPrefixes: [],
    });
    const a = await submitApplication(ctx, agencyId, {
      applicantKind: 'natural',
      name: '李四',
      idType: 'passport',
      idNumber: 'E1234567',
      phone: '13900001111',
      infoTitle: '某文件',
      form: 'electronic',
      delivery: 'online',
    });
    // Received Monday 28 December 2026; 2027 has no arrangement yet, so weekends only: 25 January 2027.
    assert.equal(a.dueDate, '2027-01-25');
    const r = await saveArrangement(
      ctx,
      admin,
      {
        kind: 'national',
        arrangement: {
          format: ARRANGEMENT_FORMAT,
          year: 2027,
          notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知' }],
          source: 'test',
          days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }],
        },
      },
      { source: '测试', note: '' },
      [{ name: '依申请公开', recompute: recomputeRequestDueDates }],
    );
    assert.deepEqual(
      r.recomputed.filter((x) => x.name === '依申请公开'),
      [{ name: '依申请公开', changed: 1 }],
    );
    const row = (await requestsStore.byId(ctx.db, a.caseId))!;
    assert.equal(row.due_date, '2027-01-26'); // 1 January off: one more working day
    const events = await requestsStore.events(ctx.db, a.caseId);
    assert.equal(events.filter((e) => e.type === 'due_date_recomputed').length, 1);
    assert.equal(await recomputeRequestDueDates(ctx, { year: 2027, region: null, days: ['2027-01-01'] }), 0);
  });
});
