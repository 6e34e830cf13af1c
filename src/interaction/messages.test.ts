import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../access/agencies.store.js';
import type { Actor } from '../platform/actor.js';
import { loadDemo } from '../demo/load-demo.js';
import type { AppContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { listEvents } from '../platform/events.js';
import { personalDataCipher } from '../platform/personal-data.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { messagesStore } from './messages.store.js';
import { sendMessageReminders } from './send-reminders.job.js';
import { setReplyPromises } from './set-reply-promise.js';
import { submitMessage } from './submit-message.js';
import { takeMessageStep } from './take-message-step.js';
import { rateReply, trackMessage } from './track-message.js';

const form = {
  kind: 'consultation',
  subject: '低保申请材料',
  body: '请问申请最低生活保障需要准备哪些材料？',
  name: '张三',
  phone: '13800000000',
  email: '',
  isPublic: 'yes',
};

const rejects = (code: string, fields?: string[]) => (e: unknown) => {
  assert.ok(e instanceof DomainError, String(e));
  assert.equal(e.code, code);
  if (fields) assert.deepEqual(Object.keys(e.fields).sort(), [...fields].sort());
  return true;
};

describeEachDatabase('messages: submit, handle, remind, rate, count', ({ handle }) => {
  let now = new Date('2025-01-24T02:00:00.000Z'); // Friday 10:00 in Beijing, before the Spring Festival
  let ctx: AppContext;
  let hugou: string;
  let resources: string;
  let handler: Actor;
  before(async () => {
    ctx = testContext(handle(), { now: () => now });
    await loadDemo(ctx);
    const all = await agenciesStore.all(ctx.db);
    hugou = all.find((a) => a.pathSegment === 'hugou')!.id;
    resources = all.find((a) => a.shortName.includes('自然资源'))!.id;
    handler = {
      kind: 'user',
      userId: 'u-handler',
      label: '经办人',
      grants: [
        { agencyId: hugou, role: 'case_handler' },
        { agencyId: resources, role: 'case_handler' },
      ],
    };
  });

  const count = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('messages')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('bad input, a robot and a bad attachment are refused and change nothing', async () => {
    const before = await count();
    await assert.rejects(
      submitMessage(ctx, hugou, { ...form, kind: 'x', subject: '', phone: '123', isPublic: '' }),
      rejects('validation.failed', ['kind', 'subject', 'phone', 'isPublic']),
    );
    await assert.rejects(
      submitMessage(ctx, hugou, { ...form, phone: '', email: '' }),
      rejects('validation.failed', ['phone']),
    );
    await assert.rejects(
      submitMessage(ctx, hugou, { ...form, website: 'http://spam' }),
      rejects('message.refused'),
    );
    await assert.rejects(
      submitMessage(ctx, hugou, form, { fileName: 'a.exe', data: Buffer.from('MZ…') }),
      rejects('validation.failed', ['attachment']),
    );
    assert.equal(await count(), before);
  });

  test('a message is stored with encrypted contact details and a due date on the working-day calendar', async () => {
    const r = await submitMessage(ctx, hugou, form, {
      fileName: 'x.pdf',
      data: Buffer.from('%PDF-1.7 test'),
    });
    assert.equal(r.receivedOn, '2025-01-24');
    assert.equal(r.dueOn, '2025-02-05'); // make-up Sunday 1/26, Monday 1/27, first day after the holiday
    const row = (await messagesStore.byId(ctx.db, r.messageId))!;
    assert.ok(!JSON.stringify(row).includes('13800000000'));
    assert.equal(personalDataCipher(ctx.config.dataKey).decrypt(row.phone_enc!), '13800000000');
    assert.equal((await messagesStore.attachments(ctx.db, r.messageId)).length, 1);
    // The status page needs both the code and the 查询码.
    await assert.rejects(
      trackMessage(ctx, hugou, { code: r.trackingCode, secret: 'WRONG1' }),
      rejects('validation.failed'),
    );
    assert.equal(
      (await trackMessage(ctx, hugou, { code: r.trackingCode.toLowerCase(), secret: r.secret })).id,
      r.messageId,
    );
  });

  test('the configured promise per kind sets the due date; bad settings change nothing', async () => {
    await assert.rejects(
      setReplyPromises(ctx, handler, hugou, {
        consultation: '0',
        suggestion: 'x',
        complaint: '5',
        help: '3',
        other: '3',
      }),
      rejects('validation.failed', ['consultation', 'suggestion']),
    );
    assert.deepEqual(await messagesStore.promises(ctx.db, hugou), {});
    await setReplyPromises(ctx, handler, hugou, {
      consultation: '3',
      suggestion: '5',
      complaint: '5',
      help: '3',
      other: '3',
    });
    now = new Date('2025-09-26T02:00:00.000Z');
    const r = await submitMessage(ctx, hugou, { ...form, kind: 'suggestion' });
    assert.equal(r.dueOn, '2025-10-10'); // 9/28 (make-up), 9/29, 9/30, 10/9, 10/10
  });

  test('staff transfer and reply; the reply is public, counted and rated once', async () => {
    now = new Date('2025-09-30T02:00:00.000Z');
    const r = await submitMessage(ctx, hugou, form);
    assert.equal(r.dueOn, '2025-10-11');
    await assert.rejects(
      takeMessageStep(ctx, handler, r.messageId, { step: 'approve' }),
      rejects('message.transition_refused'),
    );
    await assert.rejects(
      takeMessageStep(ctx, handler, r.messageId, { step: 'decline', reason: ' ' }),
      rejects('validation.failed', ['reason']),
    );
    await takeMessageStep(ctx, handler, r.messageId, { step: 'accept' });
    await takeMessageStep(ctx, handler, r.messageId, { step: 'transfer', targetAgencyId: resources });
    await assert.rejects(
      takeMessageStep(ctx, handler, r.messageId, { step: 'draft', reply: '' }),
      rejects('validation.failed', ['reply']),
    );
    await takeMessageStep(ctx, handler, r.messageId, {
      step: 'draft',
      reply: '请携带户口簿、身份证到乡民政办申请。',
    });
    now = new Date('2025-10-09T03:00:00.000Z');
    await takeMessageStep(ctx, handler, r.messageId, { step: 'approve' });
    const row = (await messagesStore.byId(ctx.db, r.messageId))!;
    assert.equal(row.status, 'replied');
    assert.equal(row.handling_agency_id, resources);
    assert.equal(row.reply_workdays, 1);
    assert.equal(row.published, 1);
    assert.equal(row.reply_department, '固镇县自然资源和规划局');
    const list = await messagesStore.published(ctx.db, hugou);
    assert.deepEqual(
      list.map((m) => m.id),
      [r.messageId],
    );

    await assert.rejects(
      rateReply(ctx, hugou, { code: r.trackingCode, secret: r.secret, rating: 'great' }),
      rejects('validation.failed', ['rating']),
    );
    await rateReply(ctx, hugou, {
      code: r.trackingCode,
      secret: r.secret,
      rating: 'satisfied',
      comment: '答复清楚',
    });
    await assert.rejects(
      rateReply(ctx, hugou, { code: r.trackingCode, secret: r.secret, rating: 'fair' }),
      rejects('message.rating_refused'),
    );
    const stats = await messagesStore.stats(ctx.db, [resources], '2025-10-01', '2025-10-31');
    assert.deepEqual(stats, { received: 0, closed: 1, replied: 1, averageWorkdays: 1, published: 1 });
    const received = await messagesStore.stats(ctx.db, [hugou], '2025-01-01', '2025-12-31');
    assert.equal(received.received, 2); // the transferred one is counted by the department that answered
  });

  test('a declined message is closed with its reason and never published', async () => {
    const r = await submitMessage(ctx, hugou, { ...form, kind: 'complaint' });
    await takeMessageStep(ctx, handler, r.messageId, {
      step: 'decline',
      reason: '属于信访事项，请通过信访渠道反映。',
    });
    const row = await trackMessage(ctx, hugou, { code: r.trackingCode, secret: r.secret });
    assert.equal(row.status, 'declined');
    assert.equal(row.published, 0);
    await assert.rejects(
      rateReply(ctx, hugou, { code: r.trackingCode, secret: r.secret, rating: 'fair' }),
      rejects('message.rating_refused'),
    );
  });

  test('reminders are recorded once per level: due soon, overdue, open for more than 3 months', async () => {
    now = new Date('2025-01-27T02:00:00.000Z');
    const ids = (await messagesStore.list(ctx.db, { agencyIds: [hugou], status: 'received' })).map(
      (m) => m.id,
    );
    const first = ids[0]!;
    const m = (await messagesStore.byId(ctx.db, first))!;
    assert.equal(m.due_on, '2025-02-05');
    const levels = async () => (await messagesStore.byId(ctx.db, first))!.reminder_level;
    await sendMessageReminders(ctx);
    assert.equal(await levels(), 1);
    await sendMessageReminders(ctx);
    now = new Date('2025-02-06T02:00:00.000Z');
    await sendMessageReminders(ctx);
    assert.equal(await levels(), 2);
    now = new Date('2025-04-25T02:00:00.000Z');
    await sendMessageReminders(ctx);
    assert.equal(await levels(), 3);
    const events = await listEvents(ctx.db, { agencyIds: [hugou], entityId: first, limit: 20 });
    assert.deepEqual(
      events
        .map((e) => e.action)
        .filter((a) => a !== 'message.received')
        .reverse(),
      ['message.reply_due_soon', 'message.overdue', 'message.open_over_3_months'],
    );
  });
});
