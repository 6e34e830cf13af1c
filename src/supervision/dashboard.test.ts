import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../access/agencies.store.js';
import type { Actor } from '../platform/actor.js';
import { loadDemo } from '../demo/load-demo.js';
import { submitMessage } from '../interaction/submit-message.js';
import { takeMessageStep } from '../interaction/take-message-step.js';
import type { AppContext } from '../platform/context.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { messageAlarms, messageTimeliness, supervisionDashboard } from './dashboard.js';
import { testNow } from '../../test/support/clock.js';

describeEachDatabase('supervisor dashboard: message timeliness and alarms', ({ handle }) => {
  let ctx: AppContext;
  let now = testNow();
  let hugou: string, education: string;
  const actor: Actor = { kind: 'system', label: '测试' };
  const on = (day: string) => (now = new Date(`${day}T02:00:00.000Z`));
  const form = {
    kind: 'consultation',
    subject: '咨询',
    body: '内容',
    name: '王五',
    phone: '13700000000',
    isPublic: 'yes',
  };
  before(async () => {
    ctx = testContext(handle(), { now: () => now });
    await loadDemo(ctx);
    const all = await agenciesStore.all(ctx.db);
    hugou = all.find((a) => a.pathSegment === 'hugou')!.id;
    education = all.find((a) => a.name === '固镇县教育局')!.id;

    // 湖沟镇, 2025: on time (received 9/26, due 9/30, replied 9/30), late (received 9/30, due 10/11, replied 10/13),
    // open and overdue (received 11/3, due 11/6), open for more than 3 months (received 6/3).
    const reply = async (id: string, day: string) => {
      on(day);
      await takeMessageStep(ctx, actor, id, { step: 'accept' });
      await takeMessageStep(ctx, actor, id, { step: 'draft', reply: '答复' });
      await takeMessageStep(ctx, actor, id, { step: 'approve' });
    };
    on('2025-09-26');
    await reply((await submitMessage(ctx, hugou, form)).messageId, '2025-09-30');
    on('2025-09-30');
    await reply((await submitMessage(ctx, hugou, form)).messageId, '2025-10-13');
    on('2025-11-03');
    await submitMessage(ctx, hugou, form);
    on('2025-06-03');
    await submitMessage(ctx, hugou, form);
    on('2025-11-20');
  });

  test('per agency: received, replied, on time, overdue and over 3 months, from one query', async () => {
    const p = { from: '2025-01-01', to: '2025-11-20', today: '2025-11-20' };
    const t = await messageTimeliness(ctx.db, [hugou, education], p);
    assert.deepEqual(t.get(hugou), {
      agencyId: hugou,
      received: 4,
      closed: 2,
      onTime: 1,
      overdue: 2,
      critical: 1,
    });
    assert.equal(t.get(education), undefined);
    // On 2025-09-03 (the 3-month line of the June message) it is overdue, not yet critical.
    const earlier = await messageTimeliness(ctx.db, [hugou], { ...p, today: '2025-09-03' });
    assert.equal(earlier.get(hugou)!.critical, 0);
  });

  test('alarms list overdue messages, the over-3-months one first; the dashboard has a row per agency', async () => {
    const alarms = await messageAlarms(ctx.db, [hugou], '2025-11-20');
    assert.deepEqual(
      alarms.map((a) => [a.receivedOn, a.critical]),
      [
        ['2025-06-03', true],
        ['2025-11-03', false],
      ],
    );
    const d = await supervisionDashboard(
      ctx.db,
      [
        { id: hugou, name: '湖沟镇' },
        { id: education, name: '教育局' },
      ],
      { from: '2025-01-01', to: '2025-11-20', today: '2025-11-20' },
    );
    assert.equal(d.rows[0]!.onTimeRate, 0.5);
    assert.equal(d.rows[1]!.onTimeRate, null);
    assert.equal(d.rows[1]!.messages.received, 0);
  });
});
