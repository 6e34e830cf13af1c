import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../access/agencies.store.js';
import { shippedArrangements } from '../calendar/data/shipped.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import { loadDemo } from '../demo/load-demo.js';
import type { AppContext } from '../platform/context.js';
import { listEvents } from '../platform/events.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { messagesStore } from './messages.store.js';
import { messageDueDateRecomputer } from './recompute-due-dates.js';
import { submitMessage } from './submit-message.js';

describeEachDatabase('message due dates follow a corrected holiday arrangement', ({ handle }) => {
  let ctx: AppContext;
  let hugou: string;
  before(async () => {
    ctx = testContext(handle(), { now: () => new Date('2025-09-30T02:00:00.000Z') });
    await loadDemo(ctx);
    hugou = (await agenciesStore.all(ctx.db)).find((a) => a.pathSegment === 'hugou')!.id;
  });

  test('dropping the make-up Saturday 2025-10-11 moves the due dates to Monday 10-13, once, with an event', async () => {
    const { messageId, dueOn } = await submitMessage(ctx, hugou, {
      kind: 'consultation',
      subject: '国庆前留言',
      body: '内容',
      name: '钱七',
      phone: '13500000000',
      isPublic: 'no',
    });
    assert.equal(dueOn, '2025-10-11');
    // A hypothetical correction of the 2025 notice: 10-11 no longer a working day.
    const corrected = shippedArrangements().map((a) =>
      a.year === 2025 ? { ...a, days: a.days.filter((d) => d.date !== '2025-10-11') } : a,
    );
    const cal = new WorkCalendar(corrected);
    const recompute = messageDueDateRecomputer(ctx, () => cal);
    const change = { year: 2025, region: null, days: ['2025-10-11'] };
    // This message and the demo township's message left the same day (both due 10-11); older open ones were due
    // before the holiday and keep their dates.
    assert.equal(await recompute(change), 2);
    assert.equal((await messagesStore.byId(ctx.db, messageId))!.due_on, '2025-10-13');
    assert.equal(await recompute(change), 0);
    const events = await listEvents(ctx.db, { agencyIds: [hugou], entityId: messageId });
    assert.deepEqual(events[0]!.data, { from: '2025-10-11', to: '2025-10-13', year: 2025 });
    // A regional change does not touch an agency on the national calendar.
    assert.equal(
      await messageDueDateRecomputer(
        ctx,
        () => new WorkCalendar(shippedArrangements()),
      )({ ...change, region: '450000' }),
      0,
    );
  });
});
