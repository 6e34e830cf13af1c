import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { runDueJobs, takeLease, type Job } from './jobs.js';
import { testNow } from '../../test/support/clock.js';

describeEachDatabase('scheduled jobs', ({ handle }) => {
  test('several nodes sharing one database run a job once per period', async () => {
    let runs = 0;
    const job: Job = { name: 'test.count', intervalMs: 60_000, run: async () => void runs++ };
    const ctx = testContext(handle());
    // Five nodes race for the same round.
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((node) => runDueJobs(ctx, [job], node)));
    assert.equal(runs, 1);
    assert.equal(results.flat().length, 1);
    // Within the period nobody runs it again; after it, one node does.
    await runDueJobs(ctx, [job], 'a');
    assert.equal(runs, 1);
    const later = testContext(handle(), { now: () => new Date(testNow().getTime() + 61_000) });
    await Promise.all(['a', 'b'].map((node) => runDueJobs(later, [job], node)));
    assert.equal(runs, 2);
  });

  test('a lease is refused while another holder has it', async () => {
    const db = handle().db;
    const now = testNow();
    const until = new Date(now.getTime() + 1000);
    assert.equal(await takeLease(db, 'test.lease', 'x', now, until), true);
    assert.equal(await takeLease(db, 'test.lease', 'y', now, until), false);
    assert.equal(await takeLease(db, 'test.lease', 'y', until, new Date(until.getTime() + 1000)), true);
  });
});
