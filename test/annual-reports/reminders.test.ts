/** The reminder job on a real database: township reports due 31 January, reminders once per kind. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { sendReportReminders } from '../../src/annual-reports/send-reminders.job.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { listEvents } from '../../src/platform/events.js';
import { describeEachDatabase } from '../support/db.js';
import { testContext } from '../support/context.js';

describeEachDatabase('annual report reminders', ({ handle }) => {
  it('on 2026-01-29 the unpublished 2025 reports of townships and departments get one reminder each', async () => {
    let now = new Date('2026-01-29T01:00:00Z');
    const ctx = testContext(handle(), { now: () => now });
    await loadDemo(ctx);
    const all = await agenciesStore.all(ctx.db);
    const dueJan = all.filter((a) => !['province', 'city', 'county'].includes(a.level));
    assert.equal(await sendReportReminders(ctx), dueJan.length);
    assert.equal(await sendReportReminders(ctx), 0);
    const township = all.find((a) => a.pathSegment === 'zhongxing')!;
    const events = await listEvents(ctx.db, { agencyIds: [township.id], action: 'annual_report.reminder' });
    assert.deepEqual(
      events.map((e) => e.data.kind),
      ['due_in_3_days'],
    );
    now = new Date('2026-02-01T01:00:00Z');
    assert.equal(await sendReportReminders(ctx), dueJan.length);
  });
});
