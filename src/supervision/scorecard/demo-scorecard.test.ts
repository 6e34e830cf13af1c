import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { agenciesStore } from '../../access/agencies.store.js';
import { loadDemo } from '../../demo/load-demo.js';
import type { AppContext } from '../../platform/context.js';
import { supervisionStore } from '../supervision.store.js';
import { testContext } from '../../../test/support/context.js';
import { describeEachDatabase } from '../../../test/support/db.js';
import { loadScorecard } from './configure-scorecard.js';
import { DEMO_SCORECARD_YEAR } from './demo-scorecard.js';
import { scorecardStore } from './scorecard.store.js';

describeEachDatabase('demo: 县政务公开办’s 2025 scorecard', ({ handle }) => {
  let ctx: AppContext;
  before(async () => {
    ctx = testContext(handle());
    await loadDemo(ctx);
  });

  test('is stored, has noted manual scores, is computed, and each total is the sum of its measures', async () => {
    const all = await agenciesStore.all(ctx.db);
    const office = all.find((a) => a.pathSegment === 'guzhen-zfb')!;
    const sc = await loadScorecard(ctx.db, office.id, DEMO_SCORECARD_YEAR);
    assert.ok(sc.id, 'stored');
    assert.ok(sc.computedAt, 'computed');
    const manual = await scorecardStore.manualScores(ctx.db, sc.id);
    assert.equal(manual.length, 6);
    assert.ok(
      manual.every((m) => m.note.length > 0 && m.evidence_name === null),
      'a written note as evidence',
    );
    const covered = all.filter((a) => a.supervisorId === office.id);
    assert.equal(covered.length, 4);
    const results = await ctx.db
      .selectFrom('scorecard_results')
      .select(['agency_id', 'points'])
      .where('scorecard_id', '=', sc.id)
      .execute();
    for (const a of covered) {
      const recorded = await supervisionStore.assessment(ctx.db, a.id, DEMO_SCORECARD_YEAR);
      assert.ok(recorded, a.name);
      const sum = results.filter((r) => r.agency_id === a.id).reduce((s, r) => s + Number(r.points), 0);
      assert.ok(Math.abs(Number(recorded.score) - sum) < 0.11, `${a.name}: ${recorded.score} vs ${sum}`);
    }
  });
});
