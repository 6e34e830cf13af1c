import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../../platform/context.js';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { makeAgency, person, replyTo, staff } from '../../../test/support/request-cases.js';
import { registerApplication } from '../actions/register-application.js';
import { requestFigures } from './requests.supervisor.js';

describeEachDatabase('supervisors see their subordinates’ figures', ({ handle }) => {
  let ctx: AppContext;
  let now = '2025-03-03T02:00:00Z';
  let county = '';
  let townA = '';
  let townB = '';
  let elsewhere = '';
  before(async () => {
    ctx = testContext(handle(), { now: () => new Date(now) });
    county = await makeAgency(ctx, { name: '测试县人民政府办公室', level: 'county' });
    townA = await makeAgency(ctx, { name: '甲乡人民政府', supervisorId: county });
    townB = await makeAgency(ctx, { name: '乙乡人民政府', supervisorId: county });
    elsewhere = await makeAgency(ctx, { name: '丙乡人民政府' });
    const register = (agencyId: string, submittedOn: string) =>
      registerApplication(ctx, staff(agencyId, 'h', 'case_handler'), agencyId, {
        ...person,
        channel: 'in_person',
        submittedOn,
      });
    // 甲乡: received 2025-03-03 (due 03-31) replied 03-20, on time; received 2025-03-04 (due 04-01) replied 04-02,
    // late; received 2025-03-05 (due 04-02) still open on 04-01 → due soon; received 2025-02-05 (due 03-06) open → overdue.
    now = '2025-03-20T02:00:00Z';
    const onTime = await register(townA, '2025-03-03');
    await replyTo(ctx, townA, onTime.caseId);
    await register(townA, '2025-03-05');
    await register(townA, '2025-02-05');
    const late = await register(townA, '2025-03-04');
    now = '2025-04-02T02:00:00Z';
    await replyTo(ctx, townA, late.caseId);
    await register(townB, '2025-04-01');
    await register(elsewhere, '2025-04-01');
    now = '2025-04-01T02:00:00Z';
  });

  test('a county supervisor sees each subordinate agency; the figures are counted from the cases', async () => {
    const { year, figures } = await requestFigures(ctx, staff(county, 'sup', 'supervisor'));
    assert.equal(year, 2025);
    const names = figures.map((f) => f.agency.name).sort();
    assert.deepEqual(names, ['乙乡人民政府', '测试县人民政府办公室', '甲乡人民政府'].sort());
    const a = figures.find((f) => f.agency.id === townA)!;
    // As of 2025-04-01: the late reply (sent 04-02) is in the database already, so it counts as replied.
    assert.deepEqual(
      { received: a.received, open: a.open, dueSoon: a.dueSoon, overdue: a.overdue },
      { received: 4, open: 2, dueSoon: 1, overdue: 1 },
    );
    assert.deepEqual(
      { replied: a.replied, onTime: a.repliedOnTime, pct: a.onTimePercent },
      { replied: 2, onTime: 1, pct: 50 },
    );
    const b = figures.find((f) => f.agency.id === townB)!;
    assert.equal(b.received, 1);
    assert.equal(b.onTimePercent, null);
  });

  test('a township user sees only its own agency', async () => {
    const { figures } = await requestFigures(ctx, staff(townB, 'h', 'case_handler'));
    assert.deepEqual(
      figures.map((f) => f.agency.id),
      [townB],
    );
    assert.deepEqual((await requestFigures(ctx, staff(elsewhere, 'e', 'editor'))).figures, []);
  });
});
