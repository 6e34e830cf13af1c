import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../../access/agencies.store.js';
import type { Actor } from '../../platform/actor.js';
import { loadDemo } from '../../demo/load-demo.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { listEvents } from '../../platform/events.js';
import { personalDataCipher } from '../../platform/personal-data.js';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext } from '../../../test/support/context.js';
import { stageOf } from './consultation.js';
import { consultationsStore } from './consultations.store.js';
import { publishConsultation } from './publish-consultation.js';
import { publishFeedback } from './publish-feedback.js';
import { submitOpinion } from './submit-opinion.js';

const rejects = (code: string, fields?: string[]) => (e: unknown) => {
  assert.ok(e instanceof DomainError, String(e));
  assert.equal(e.code, code);
  if (fields) assert.deepEqual(Object.keys(e.fields).sort(), [...fields].sort());
  return true;
};

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

test('stages: upcoming before the first day, open through the last day, then closed or feedback', () => {
  const c = { opens_on: '2025-06-02', closes_on: '2025-06-30', feedback_published_at: null };
  assert.equal(stageOf(c, '2025-06-01'), 'upcoming');
  assert.equal(stageOf(c, '2025-06-02'), 'open');
  assert.equal(stageOf(c, '2025-06-30'), 'open');
  assert.equal(stageOf(c, '2025-07-01'), 'closed');
  assert.equal(stageOf({ ...c, feedback_published_at: '2025-07-10T02:00:00Z' }, '2025-07-10'), 'feedback');
});

describeEachDatabase('征集调查: drafts for comment, opinions, feedback', ({ handle }) => {
  let ctx: AppContext;
  let now = new Date('2025-06-01T02:00:00Z');
  let zhongxing: string, hugou: string;
  let staff: Actor, outsider: Actor;
  const counts = async () => ({
    consultations: (await consultationsStore.ofAgencies(ctx.db, [zhongxing])).length,
    opinions: Number(
      (
        await ctx.db
          .selectFrom('consultation_opinions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });
  before(async () => {
    ctx = testContext(handle(), { now: () => now });
    await loadDemo(ctx);
    const all = await agenciesStore.all(ctx.db);
    zhongxing = all.find((a) => a.pathSegment === 'zhongxing')!.id;
    hugou = all.find((a) => a.pathSegment === 'hugou')!.id;
    const grant = (agencyId: string): Actor => ({
      kind: 'user',
      userId: `u-${agencyId}`,
      label: '党政办',
      grants: [{ agencyId, role: 'office_head' }],
    });
    staff = grant(zhongxing);
    outsider = grant(hugou);
  });

  test('a draft is published, opinions come only within the period, feedback is published once after it', async () => {
    const start = await counts();
    const draft = {
      agencyId: zhongxing,
      title: '仲兴乡农村人居环境整治实施方案（征求意见稿）',
      draftText: '第一条 为改善农村人居环境……',
      opensOn: '2025-06-02',
      closesOn: '2025-06-30',
    };
    await assert.rejects(
      publishConsultation(ctx, staff, {
        agencyId: zhongxing,
        title: '',
        opensOn: '2025-06-30',
        closesOn: '2025-06-02',
      }),
      rejects('validation.failed', ['title', 'draftText', 'closesOn']),
    );
    await assert.rejects(
      publishConsultation(ctx, staff, draft, [{ fileName: 'x.exe', data: Buffer.from('MZ....') }]),
      rejects('validation.failed', ['attachments']),
    );
    await assert.rejects(publishConsultation(ctx, outsider, draft), rejects('auth.forbidden'));
    assert.deepEqual(await counts(), start);
    const { consultationId: id } = await publishConsultation(ctx, staff, draft, [
      { fileName: '方案全文.pdf', data: PDF },
    ]);
    assert.equal((await consultationsStore.attachments(ctx.db, id)).length, 1);

    // Before the period: refused in Chinese, nothing stored.
    await assert.rejects(submitOpinion(ctx, id, { body: '建议增加垃圾分类设施' }), (e: unknown) => {
      assert.ok(e instanceof DomainError && e.code === 'consultation.closed');
      assert.match(e.message, /2025-06-02 至 2025-06-30/);
      return true;
    });
    now = new Date('2025-06-10T02:00:00Z');
    await assert.rejects(
      submitOpinion(ctx, id, { body: '', name: '长'.repeat(31), contact: 'abc' }),
      rejects('validation.failed', ['body', 'name', 'contact']),
    );
    await assert.rejects(
      submitOpinion(ctx, id, { body: '好', website: 'x' }),
      rejects('consultation.refused'),
    );
    assert.equal((await counts()).opinions, start.opinions);
    const a = await submitOpinion(ctx, id, {
      body: '建议增加垃圾分类设施',
      name: '李四',
      contact: '13900000000',
    });
    now = new Date('2025-06-11T02:00:00Z');
    const b = await submitOpinion(ctx, id, { body: '建议每周清运两次' });
    const stored = (await consultationsStore.opinions(ctx.db, id)).find((o) => o.id === a.opinionId)!;
    assert.notEqual(stored.name_enc, '李四');
    assert.ok(!String(stored.contact_enc).includes('13900000000'));
    const cipher = personalDataCipher(ctx.config.dataKey);
    assert.equal(cipher.decrypt(stored.name_enc!), '李四');
    assert.equal(cipher.decrypt(stored.contact_enc!), '13900000000');

    // Feedback waits for the end of the period.
    const feedback = {
      summary: '共收到意见2条，采纳1条。',
      [`decision_${a.opinionId}`]: 'adopted',
      [`decision_${b.opinionId}`]: 'not_adopted',
      [`reason_${b.opinionId}`]: '清运频次由县环卫部门统一确定。',
    };
    await assert.rejects(publishFeedback(ctx, staff, id, feedback), rejects('consultation.not_closed'));
    now = new Date('2025-07-01T02:00:00Z');
    await assert.rejects(submitOpinion(ctx, id, { body: '晚了' }), rejects('consultation.closed'));
    await assert.rejects(
      publishFeedback(ctx, staff, id, { [`decision_${b.opinionId}`]: 'partly' }),
      rejects('validation.failed', ['summary', `decision_${a.opinionId}`, `reason_${b.opinionId}`]),
    );
    await assert.rejects(publishFeedback(ctx, outsider, id, feedback), rejects('auth.forbidden'));
    assert.equal((await consultationsStore.byId(ctx.db, id))!.feedback_published_at, null);
    assert.ok((await consultationsStore.opinions(ctx.db, id)).every((o) => o.decision === null));
    await publishFeedback(ctx, staff, id, feedback);
    await assert.rejects(publishFeedback(ctx, staff, id, feedback), rejects('conflict'));
    const c = (await consultationsStore.byId(ctx.db, id))!;
    assert.equal(stageOf(c, '2025-07-01'), 'feedback');
    assert.equal(c.feedback_summary, '共收到意见2条，采纳1条。');
    const decided = await consultationsStore.opinions(ctx.db, id);
    assert.deepEqual(
      decided.map((o) => [o.decision, o.reason]),
      [
        ['adopted', null],
        ['not_adopted', '清运频次由县环卫部门统一确定。'],
      ],
    );
    const events = await listEvents(ctx.db, {
      agencyIds: [zhongxing],
      entityType: 'consultation',
      entityId: id,
    });
    assert.deepEqual(events.map((e) => e.action).sort(), [
      'consultation.feedback_published',
      'consultation.opinion_received',
      'consultation.opinion_received',
      'consultation.published',
    ]);
  });
});
