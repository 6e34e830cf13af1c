/**
 * Issue 32, defect 5: windows that the law counts from the applicant's receipt of a notice — the fee payment
 * period (国办函〔2020〕109号) and the remedies (自收到本答复之日起) — run from the recorded or presumed day of
 * receipt (notice-receipt.ts), not from the day the notice was sent. Real dates across 国庆 2025.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { makeAgency, person, staff } from '../../test/support/request-cases.js';
import { acceptApplication } from './actions/accept-application.js';
import { closeUnpaid } from './actions/close-unpaid.js';
import { draftReply } from './actions/draft-reply.js';
import { issueFeeNotice } from './actions/issue-fee-notice.js';
import { recordDelivery } from './actions/record-delivery.js';
import { registerApplication } from './actions/register-application.js';
import { reviewReply } from './actions/review-reply.js';
import { sendReply } from './actions/send-reply.js';
import { statusView } from './case-status.js';
import { requestsStore } from './requests.store.js';

describeEachDatabase('delivery of notices: windows from the applicant’s receipt', ({ handle }) => {
  let ctx: AppContext;
  let now = '';
  let agencyId = '';
  let handler: Actor;
  const at = (day: string) => (now = `${day}T02:00:00Z`);

  before(async () => {
    at('2025-09-22');
    ctx = testContext(handle(), { now: () => new Date(now) });
    agencyId = await makeAgency(ctx);
    handler = staff(agencyId, 'handler', 'office_head');
  });

  /** An in-person application received on 2025-09-22 (Monday), accepted the same day. */
  async function received(): Promise<string> {
    at('2025-09-22');
    const { caseId } = await registerApplication(ctx, handler, agencyId, {
      ...person,
      channel: 'in_person',
      submittedOn: '2025-09-22',
      delivery: 'post',
    });
    await acceptApplication(ctx, handler, { caseId });
    return caseId;
  }

  test('a posted fee notice: close-unpaid is refused on the day main accepted it, until 20 working days after the presumed receipt', async () => {
    const caseId = await received();
    at('2025-09-29'); // Monday before 国庆 (10-01…10-08 off, Saturday 10-11 worked)
    await issueFeeNotice(ctx, handler, { caseId, method: 'per_volume', pages: 150 });
    // Counted from sending, the period ended on 11-03 and main closed the case on 11-04. The method was not
    // recorded: presumed post, received on the 3rd working day after sending (09-30, 10-09, 10-10).
    at('2025-11-04');
    await assert.rejects(closeUnpaid(ctx, handler, { caseId }), (e: DomainError) => {
      assert.match(e.message, /缴费期限至2025年11月6日尚未届满/);
      assert.match(e.message, /按推定送达日2025年10月10日计算/);
      assert.match(e.message, /送达方式未登记，按邮寄推定发出后第3个工作日收到/);
      return true;
    });
    at('2025-11-06');
    await assert.rejects(closeUnpaid(ctx, handler, { caseId }), /尚未届满/);
    at('2025-11-07');
    assert.equal((await closeUnpaid(ctx, handler, { caseId })).state, 'closed');
  });

  test('a recorded receipt replaces the presumption, and the refusal says it is the recorded day', async () => {
    const caseId = await received();
    at('2025-09-29');
    await issueFeeNotice(ctx, handler, { caseId, method: 'per_volume', pages: 150 });
    at('2025-10-09');
    await recordDelivery(ctx, handler, {
      caseId,
      notice: 'fee_notice_sent',
      method: 'post',
      receivedOn: '2025-10-09',
      proof: '挂号信回执',
    });
    // 20 working days from 10-09: 10-10, 10-11, … 11-05.
    at('2025-11-05');
    await assert.rejects(closeUnpaid(ctx, handler, { caseId }), (e: DomainError) => {
      assert.match(e.message, /缴费期限至2025年11月5日尚未届满/);
      assert.match(
        e.message,
        /自申请人收到收费通知之日2025年10月9日的次日起计算（已登记申请人收到之日，邮寄）/,
      );
      assert.doesNotMatch(e.message, /推定/);
      return true;
    });
    at('2025-11-06');
    assert.equal((await closeUnpaid(ctx, handler, { caseId })).state, 'closed');
  });

  test('the status page counts the remedies from the reply’s receipt: presumed until recorded, then the recorded day', async () => {
    const caseId = await received();
    at('2025-09-30');
    await draftReply(ctx, handler, { caseId, outcome: 'disclosed', text: '现提供。' });
    await reviewReply(ctx, handler, { caseId });
    await sendReply(ctx, handler, { caseId, method: 'post', proof: '挂号信' });
    const view = async () => {
      const row = (await requestsStore.byId(ctx.db, caseId))!;
      return statusView(ctx, row, await requestsStore.events(ctx.db, caseId));
    };
    // Sent on 09-30: main counted 60 days from it (11-29, a Saturday, rolled to 12-01). Presumed received on
    // the third working day: 10-09, 10-10, 10-11 (the worked Saturday); 60 days → 12-10.
    at('2025-10-10');
    let s = await view();
    assert.deepEqual([s.replyReceipt?.day, s.replyReceipt?.presumed], ['2025-10-11', true]);
    assert.match(s.replyReceipt!.basis, /邮寄送达推定/);
    assert.equal(s.remedies?.reconsideration.from, '2025-10-11');
    assert.equal(s.remedies?.reconsideration.lastDay, '2025-12-10');

    at('2025-10-15');
    const r = await recordDelivery(ctx, handler, {
      caseId,
      notice: 'replied',
      method: 'post',
      receivedOn: '2025-10-09',
    });
    assert.equal(r.state, 'replied', 'recording a delivery does not change the state');
    s = await view();
    assert.deepEqual([s.replyReceipt?.day, s.replyReceipt?.presumed], ['2025-10-09', false]);
    assert.equal(s.remedies?.reconsideration.lastDay, '2025-12-08'); // 60 days from 10-09, a Monday
    assert.equal(s.remedies?.litigation.lastDay, '2026-04-09'); // 6 months
  });

  test('bad delivery records are refused in Chinese and change nothing', async () => {
    const caseId = await received();
    at('2025-09-29');
    await issueFeeNotice(ctx, handler, { caseId, method: 'per_volume', pages: 150 });
    at('2025-10-09');
    const before = (await requestsStore.events(ctx.db, caseId)).length;
    const fields = async (input: Record<string, unknown>) => {
      try {
        await recordDelivery(ctx, handler, { caseId, ...input });
      } catch (e) {
        assert.ok(e instanceof DomainError);
        return e.fields;
      }
      assert.fail('expected a refusal');
    };
    const ok = { notice: 'fee_notice_sent', method: 'post', receivedOn: '2025-10-09' };
    assert.match(
      (await fields({ ...ok, receivedOn: '2025-09-28' })).receivedOn!,
      /不能早于该文书发出之日（2025年9月29日）/,
    );
    assert.match((await fields({ ...ok, receivedOn: '2025-10-10' })).receivedOn!, /不能晚于今天/);
    assert.match((await fields({ ...ok, receivedOn: '' })).receivedOn!, /请填写申请人收到日期/);
    assert.match((await fields({ ...ok, notice: 'replied' })).notice!, /请选择本案已发出的文书/);
    assert.match((await fields({ ...ok, notice: 'submitted' })).notice!, /请选择本案已发出的文书/);
    const both = await fields({ ...ok, method: 'pigeon', receivedOn: '10/09' });
    assert.match(both.method!, /请选择送达方式/);
    assert.match(both.receivedOn!, /YYYY-MM-DD/);
    assert.equal((await requestsStore.events(ctx.db, caseId)).length, before);
    assert.equal((await requestsStore.byId(ctx.db, caseId))!.state, 'awaiting_payment');
  });
});
