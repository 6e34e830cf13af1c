import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Role } from '../platform/actor.js';
import { systemActor } from '../platform/actor.js';
import { createAgency } from '../agencies/save-agency.js';
import { creditCodeCheckChar } from '../access/credit-code.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { publicActor } from '../platform/actor.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { T3 } from '../reports/model/shared-tables.js';
import { cellId } from '../reports/model/formats.js';
import { outcomeRow } from '../statute/outcomes.js';
import { acceptApplication } from './actions/accept-application.js';
import { addAttachment } from './actions/add-attachment.js';
import { approveExtension } from './actions/approve-extension.js';
import { archiveCase } from './actions/archive-case.js';
import { closeUnpaid } from './actions/close-unpaid.js';
import { draftReply } from './actions/draft-reply.js';
import { endConsultation } from './actions/end-consultation.js';
import { issueFeeNotice } from './actions/issue-fee-notice.js';
import { receiveClarification } from './actions/receive-clarification.js';
import { recordDelivery } from './actions/record-delivery.js';
import { registerApplication } from './actions/register-application.js';
import { reopenCase } from './actions/reopen-case.js';
import { requestClarification } from './actions/request-clarification.js';
import { requestsStore } from './requests.store.js';
import { requestsTable3Source } from '../reports/requests-table3.js';
import { reviewReply } from './actions/review-reply.js';
import { sendReply } from './actions/send-reply.js';
import { splitApplication } from './actions/split-application.js';
import { startConsultation } from './actions/start-consultation.js';
import { submitApplication } from './public/submit-application.js';
import { withdrawApplication } from './actions/withdraw-application.js';

const person = {
  applicantKind: 'natural',
  name: '张三',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800001234',
  address: '固镇县仲兴乡某村',
  infoTitle: '2024年仲兴乡农村道路建设项目资金使用情况',
  form: 'electronic',
  delivery: 'online',
};

describeEachDatabase('requests use cases', ({ handle }) => {
  let ctx: AppContext;
  let now = '2025-03-03T02:00:00Z';
  let agencyId = '';
  const user = (id: string, role: Role): Actor => ({
    kind: 'user',
    userId: id,
    label: id,
    grants: [{ agencyId, role }],
  });
  let handler: Actor, reviewer: Actor, head: Actor;
  const count = async (table: 'request_cases' | 'request_case_events') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    ctx = testContext(handle(), { now: () => new Date(now) });
    const first = '11340323MB0000001';
    ({ agencyId } = await createAgency(ctx, systemActor(), {
      name: '测试乡人民政府',
      shortName: '测试乡',
      creditCode: first + creditCodeCheckChar(first),
      divisionCode: '340323',
      level: 'township',
      pathSegment: 'ceshi',
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
      docNoPrefixes: ['测政'],
    }));
    handler = user('handler', 'case_handler');
    reviewer = user('reviewer', 'reviewer');
    head = user('head', 'office_head');
  });

  test('bad input is refused in Chinese and stores nothing', async () => {
    const before = await count('request_cases');
    await assert.rejects(
      submitApplication(ctx, agencyId, { ...person, idNumber: '110105194912310021', form: '' }),
      (e: unknown) => e instanceof DomainError && /校验位/.test(e.fields.idNumber ?? '') && !!e.fields.form,
    );
    await assert.rejects(
      registerApplication(ctx, handler, agencyId, { ...person, channel: 'post_signed' }),
      (e: DomainError) => /签收日期/.test(e.fields.signedForOn ?? ''),
    );
    assert.equal(await count('request_cases'), before);
  });

  test('an online application lives its whole life on the statutory clock', async () => {
    now = '2025-03-03T02:00:00Z'; // Monday 10:00 in Beijing
    const a = await submitApplication(ctx, agencyId, person);
    assert.equal(a.receivedOn, '2025-03-03');
    assert.equal(a.dueDate, '2025-03-31'); // 20 working days, March 2025 has no holiday
    assert.match(a.trackingCode, /^[2-9A-HJ-NP-Z]{12}$/);
    const stored = (await requestsStore.byId(ctx.db, a.caseId))!;
    assert.ok(!stored.applicant_sealed.includes('11010519491231002X'), 'ID number encrypted at rest');
    assert.equal(stored.applicant_label, '张*');

    now = '2025-03-05T02:00:00Z';
    await assert.rejects(
      requestClarification(ctx, reviewer, { caseId: a.caseId, items: 'x', deadline: '2025-03-20' }),
      {
        code: 'auth.forbidden',
      },
    );
    let r = await requestClarification(ctx, handler, {
      caseId: a.caseId,
      items: '请明确项目名称',
      deadline: '2025-03-20',
    });
    assert.equal(r.state, 'awaiting_clarification');
    assert.equal(r.dueDate, null);

    now = '2025-03-10T02:00:00Z';
    r = await receiveClarification(ctx, publicActor('申请人'), {
      caseId: a.caseId,
      text: '仲兴乡至濠城道路项目',
    });
    assert.equal(r.state, 'in_progress');
    // Restart on 10 March: 清明 (4 April) is a holiday in 2025.
    assert.equal(r.dueDate, '2025-04-08');
    await assert.rejects(
      requestClarification(ctx, handler, { caseId: a.caseId, items: '再补', deadline: '2025-03-30' }),
      { message: /第三十条/ },
    );

    now = '2025-03-12T02:00:00Z';
    const s = await startConsultation(ctx, handler, {
      caseId: a.caseId,
      party: 'third_party',
      consulted: '某建设公司',
    });
    assert.equal(s.state, 'consulting');
    now = '2025-03-20T02:00:00Z';
    r = await endConsultation(ctx, handler, {
      caseId: a.caseId,
      ref: s.ref,
      opinion: '不同意公开合同单价',
      objects: 'on',
    });
    assert.equal(r.state, 'in_progress');
    // 11–12 March counted (2), 13–20 excluded, from 21 March: 18 more → 16 April.
    assert.equal(r.dueDate, '2025-04-16');

    now = '2025-03-25T02:00:00Z';
    await assert.rejects(approveExtension(ctx, handler, { caseId: a.caseId, days: 10, reason: '需协调' }), {
      code: 'auth.forbidden',
    });
    r = await approveExtension(ctx, head, { caseId: a.caseId, days: 10, reason: '涉及第三方，需进一步核实' });
    // 10 more working days after 16 April; 27 April (Sunday) is a make-up working day in 2025.
    assert.equal(r.dueDate, '2025-04-29');
    const events = await count('request_case_events');
    await assert.rejects(approveExtension(ctx, head, { caseId: a.caseId, days: 11, reason: '再延' }), {
      code: 'clock.extension_exceeds',
    });
    assert.equal(await count('request_case_events'), events, 'a refused action stores nothing');

    now = '2025-04-08T02:00:00Z';
    await assert.rejects(
      draftReply(ctx, handler, { caseId: a.caseId, outcome: 'partlyDisclosed' }),
      (e: DomainError) => /不予公开的部分/.test(e.fields.withheldParts ?? ''),
    );
    r = await draftReply(ctx, handler, {
      caseId: a.caseId,
      outcome: 'partlyDisclosed',
      text: '现提供项目资金拨付情况。',
      withheldParts: '合同单价涉及商业秘密（条例第十五条）',
    });
    assert.equal(r.state, 'reply_drafted');
    await assert.rejects(reviewReply(ctx, handler, { caseId: a.caseId }), { code: 'auth.forbidden' });
    r = await reviewReply(ctx, reviewer, { caseId: a.caseId, comment: '经保密审查，可以公开' });
    assert.equal(r.state, 'reviewed');
    now = '2025-04-10T02:00:00Z';
    r = await sendReply(ctx, handler, { caseId: a.caseId, method: 'online', proof: '网上送达' });
    assert.equal(r.state, 'replied');
    r = await archiveCase(ctx, handler, { caseId: a.caseId, fileNo: 'WS2025-1' });
    assert.equal(r.state, 'archived');
    const done = (await requestsStore.byId(ctx.db, a.caseId))!;
    assert.equal(done.outcome, 'partlyDisclosed');
    assert.equal(done.outcome_on, '2025-04-10');

    const figures = await requestsTable3Source(ctx).table3(
      { id: agencyId, name: '测试乡', level: 'township' },
      2025,
      '2021',
    );
    assert.ok(figures.cells[cellId(T3.received, 'natural')]!.caseIds!.includes(a.caseId));
    assert.deepEqual(figures.cells[cellId(outcomeRow('partlyDisclosed', '2021'), 'natural')]!.caseIds, [
      a.caseId,
    ]);

    // A reconsideration decision orders a new reply: a fresh clock from the day the order arrived.
    now = '2025-06-03T02:00:00Z';
    r = await reopenCase(ctx, head, {
      caseId: a.caseId,
      order: 'reconsideration',
      reference: '固政复决〔2025〕3号',
    });
    assert.equal(r.state, 'in_progress');
    // From Tuesday 3 June 2025: 端午 is 31 May–2 June, so 20 working days end on 1 July.
    assert.equal(r.dueDate, '2025-07-01');
    assert.equal((await requestsStore.byId(ctx.db, a.caseId))!.outcome, 'partlyDisclosed');
  });

  test('Art. 31: a letter signed for counts from the day of signing', async () => {
    now = '2025-05-06T02:00:00Z';
    const a = await registerApplication(ctx, handler, agencyId, {
      ...person,
      channel: 'post_signed',
      signedForOn: '2025-04-30',
    });
    assert.equal(a.receivedOn, '2025-04-30');
    // 1–5 May off; counting from 6 May, 31 May–2 June 端午 skipped: the 20th working day is 3 June.
    assert.equal(a.dueDate, '2025-06-03');
    await assert.rejects(
      registerApplication(ctx, handler, agencyId, { ...person, channel: 'fax', confirmedOn: '2025-05-07' }),
      (e: DomainError) => /不能晚于今天/.test(e.fields.confirmedOn ?? ''),
    );
  });

  test('fees: the 11th application of the month is charged per item; unpaid after 20 working days closes as （六）2', async () => {
    now = '2025-07-01T02:00:00Z';
    const org = {
      applicantKind: 'commercial',
      name: '某某科技有限公司',
      creditCode: '91350100M000100Y43',
      legalRepresentative: '李四',
      contactName: '王五',
      phone: '05521234567',
      infoTitle: '项目',
      form: 'paper',
      delivery: 'pickup',
      channel: 'in_person',
    };
    const ids: string[] = [];
    for (let i = 1; i <= 11; i++)
      ids.push((await registerApplication(ctx, handler, agencyId, { ...org, infoTitle: `第${i}项` })).caseId);
    await acceptApplication(ctx, handler, { caseId: ids[0]! });
    await assert.rejects(issueFeeNotice(ctx, handler, { caseId: ids[0]!, method: 'per_item' }), {
      message: /免费/,
    });
    await acceptApplication(ctx, handler, { caseId: ids[10]! });
    const f = await issueFeeNotice(ctx, handler, { caseId: ids[10]!, method: 'per_item' });
    assert.equal(f.fee.amount, 100);
    assert.equal(f.state, 'awaiting_payment');
    await assert.rejects(
      issueFeeNotice(ctx, handler, { caseId: ids[10]!, method: 'per_volume', pages: 150 }),
    );
    // Handed over in person the day it was issued: received that day (登记送达).
    await recordDelivery(ctx, handler, {
      caseId: ids[10]!,
      notice: 'fee_notice_sent',
      method: 'in_person',
      receivedOn: '2025-07-01',
    });
    now = '2025-07-29T02:00:00Z'; // 20 working days after 1 July end on 29 July
    await assert.rejects(closeUnpaid(ctx, handler, { caseId: ids[10]! }), { message: /尚未届满/ });
    now = '2025-07-30T02:00:00Z';
    const c = await closeUnpaid(ctx, handler, { caseId: ids[10]! });
    assert.equal(c.state, 'closed');
    assert.equal((await requestsStore.byId(ctx.db, ids[10]!))!.outcome, 'feeNotPaid');
  });

  test('split, withdraw, and the carried-forward identity of table 三', async () => {
    now = '2025-12-29T02:00:00Z';
    const a = await submitApplication(ctx, agencyId, { ...person, infoTitle: '甲、乙、丙三项' });
    const s = await splitApplication(ctx, handler, { caseId: a.caseId, items: '甲项\n乙项\n丙项' });
    assert.equal(s.created.length, 2);
    const child = (await requestsStore.byId(ctx.db, s.created[0]!.caseId))!;
    assert.equal(child.parent_id, a.caseId);
    assert.equal(child.received_on, '2025-12-29');
    await withdrawApplication(ctx, handler, { caseId: s.created[1]!.caseId, note: '电话撤回' });

    const ref = { id: agencyId, name: '测试乡', level: 'township' as const };
    for (const year of [2025, 2026]) {
      const cells = (await requestsTable3Source(ctx).table3(ref, year, '2021')).cells;
      let left = 0;
      let right = 0;
      for (const [id, cell] of Object.entries(cells)) {
        if (id.startsWith(`${T3.received}:`) || id.startsWith(`${T3.carriedOver}:`)) left += cell.count;
        else right += cell.count;
      }
      assert.equal(left, right, `一 + 二 = 三 + 四 in ${year}`);
    }
    const c2025 = (await requestsTable3Source(ctx).table3(ref, 2025, '2021')).cells;
    assert.ok(c2025[cellId(T3.carriedForward, 'natural')]!.caseIds!.includes(a.caseId));
    const c2026 = (await requestsTable3Source(ctx).table3(ref, 2026, '2021')).cells;
    assert.ok(c2026[cellId(T3.carriedOver, 'natural')]!.caseIds!.includes(a.caseId));
  });
});

describeEachDatabase('request attachments', ({ handle }) => {
  test('content decides the type; bad files are refused and nothing is stored', async () => {
    const ctx = testContext(handle(), { now: () => new Date('2025-03-03T02:00:00Z') });
    const first = '11340323MB0000002';
    const { agencyId } = await createAgency(ctx, systemActor(), {
      name: '附件乡人民政府',
      shortName: '附件乡',
      creditCode: first + creditCodeCheckChar(first),
      divisionCode: '340323',
      level: 'township',
      pathSegment: 'fujian',
      reconsiderationBody: '测试县人民政府',
      office: { name: '党政办', address: '', postcode: '', hours: '', phone: '', fax: '', email: '' },
      docNoPrefixes: [],
    });
    const handler: Actor = {
      kind: 'user',
      userId: 'h',
      label: 'h',
      grants: [{ agencyId, role: 'case_handler' }],
    };
    const a = await submitApplication(ctx, agencyId, person);
    const pdf = new TextEncoder().encode('%PDF-1.4\n%…');
    await addAttachment(ctx, handler, {
      caseId: a.caseId,
      kind: 'id_copy',
      filename: '../身份证.pdf',
      bytes: pdf,
    });
    await assert.rejects(
      addAttachment(ctx, handler, {
        caseId: a.caseId,
        kind: 'id_copy',
        filename: 'x.pdf',
        bytes: new TextEncoder().encode('<html>'),
      }),
      (e: DomainError) => /只接受/.test(e.fields.file ?? ''),
    );
    await assert.rejects(
      addAttachment(ctx, publicActor(), { caseId: a.caseId, kind: 'supplement', bytes: pdf }),
      {
        message: /补正期间/,
      },
    );
    const list = await requestsStore.attachments(ctx.db, a.caseId);
    assert.equal(list.length, 1);
    assert.equal(list[0]!.content_type, 'application/pdf');
    assert.equal(list[0]!.filename, '..身份证.pdf');
  });
});
