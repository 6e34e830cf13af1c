import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../platform/actor.js';
import { systemActor } from '../platform/actor.js';
import { createAgency } from '../agencies/save-agency.js';
import { creditCodeCheckChar } from '../access/credit-code.js';
import type { AppContext } from '../platform/context.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { acceptApplication } from './actions/accept-application.js';
import { feesCollectedYuan } from './fees-collected.js';
import { itemRate } from './fees.js';
import { issueFeeNotice } from './actions/issue-fee-notice.js';
import { recordPayment } from './actions/record-payment.js';
import { registerApplication } from './actions/register-application.js';

const org = {
  applicantKind: 'commercial',
  name: '某某科技有限公司',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '李四',
  contactName: '王五',
  phone: '05521234567',
  form: 'paper',
  delivery: 'pickup',
  channel: 'in_person',
};

describeEachDatabase('fees collected for section 六 of the annual report', ({ handle }) => {
  let ctx: AppContext;
  let now = '2025-12-01T02:00:00Z';
  let agencyId = '';
  let handler: Actor;

  before(async () => {
    ctx = testContext(handle(), { now: () => new Date(now) });
    const first = '11340323MB0000002';
    ({ agencyId } = await createAgency(ctx, systemActor(), {
      name: '收费测试乡人民政府',
      shortName: '收费测试乡',
      creditCode: first + creditCodeCheckChar(first),
      divisionCode: '340323',
      level: 'township',
      pathSegment: 'shoufei',
      reconsiderationBody: '测试县人民政府',
      office: {
        name: '党政办',
        address: '测试乡',
        postcode: '233700',
        hours: '',
        phone: '0552-1',
        fax: '',
        email: '',
      },
      docNoPrefixes: ['收政'],
    }));
    handler = { kind: 'user', userId: 'h', label: 'h', grants: [{ agencyId, role: 'case_handler' }] };
  });

  test('unknown before any case; then the sum of fees whose payment falls in the year', async () => {
    assert.equal(await feesCollectedYuan(ctx.db, agencyId, 2025), null);
    const ids: string[] = [];
    for (let i = 1; i <= 12; i++)
      ids.push((await registerApplication(ctx, handler, agencyId, { ...org, infoTitle: `第${i}项` })).caseId);
    assert.equal(await feesCollectedYuan(ctx.db, agencyId, 2025), 0);
    for (const id of ids.slice(10)) {
      await acceptApplication(ctx, handler, { caseId: id });
      await issueFeeNotice(ctx, handler, { caseId: id, method: 'per_item' });
    }
    // Noticed but not paid: nothing collected yet.
    assert.equal(await feesCollectedYuan(ctx.db, agencyId, 2025), 0);
    await recordPayment(ctx, handler, { caseId: ids[10]! });
    assert.equal(await feesCollectedYuan(ctx.db, agencyId, 2025), itemRate(11));
    now = '2026-01-05T02:00:00Z';
    await recordPayment(ctx, handler, { caseId: ids[11]! });
    assert.equal(await feesCollectedYuan(ctx.db, agencyId, 2025), itemRate(11));
    assert.equal(await feesCollectedYuan(ctx.db, agencyId, 2026), itemRate(12));
  });
});
