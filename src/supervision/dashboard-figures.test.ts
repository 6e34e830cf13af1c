/**
 * The dashboard's new figures on the demo county, built through the real use cases (catalog publication,
 * request workflow, rating campaign, assessment), each checked against an independent path to the same
 * facts: the annual report's catalog statistics and table 三, the campaign results, the recorded assessments.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import { systemActor } from '../platform/actor.js';
import { catalogStatistics } from '../catalog/statistics/statistics.js';
import { loadDemo } from '../demo/load-demo.js';
import { campaignResults } from '../interaction/rating/results.js';
import { ratingsStore } from '../interaction/rating/ratings.store.js';
import type { AppContext } from '../platform/context.js';
import { cellId, outcomeRows } from '../reports/model/formats.js';
import { APPLICANT_KINDS, T3 } from '../reports/model/shared-tables.js';
import { requestsTable3Source } from '../reports/requests-table3.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { monthsOf, supervisionDashboard } from './dashboard.js';
import { lateItems, lateRequests } from './dashboard-records.store.js';
import { recordAssessment } from './record-assessment.js';

const y2025 = { from: '2025-01-01', to: '2025-12-31', today: '2025-12-31' };

describeEachDatabase('supervisor dashboard: items, requests, ratings and the league table', ({ handle }) => {
  let ctx: AppContext;
  let all: Agency[];
  let zhongxing: Agency, hugou: Agency, education: Agency;
  before(async () => {
    ctx = testContext(handle());
    await loadDemo(ctx);
    all = await agenciesStore.all(ctx.db);
    zhongxing = all.find((a) => a.pathSegment === 'zhongxing')!;
    hugou = all.find((a) => a.pathSegment === 'hugou')!;
    education = all.find((a) => a.name === '固镇县教育局')!;
    const actor = systemActor('测试');
    for (const [a, score, grade] of [
      [hugou, '95', 'excellent'],
      [zhongxing, '88.5', 'good'],
      [education, '88.5', 'good'],
    ] as const)
      await recordAssessment(ctx, actor, { agencyId: a.id, year: '2025', score, grade, summary: '考核情况' });
  });

  test('items per month and late items equal the catalog statistics of the annual report', async () => {
    const d = await supervisionDashboard(ctx.db, [zhongxing, hugou], y2025);
    const stats = await catalogStatistics(ctx.db, zhongxing.id, 2025);
    assert.ok(stats.published > 100 && stats.late > 0, 'the demo year has items, some late');
    const row = d.rows.find((r) => r.agencyId === zhongxing.id)!;
    assert.deepEqual(row.items, { published: stats.published, late: stats.late });
    assert.equal(
      d.months.reduce((t, m) => t + m.items, 0),
      stats.published,
    );
    assert.deepEqual(
      d.months.map((m) => m.month),
      monthsOf(y2025),
    );
    assert.equal(d.months.length, 12);
    assert.equal(row.rates.items, (stats.published - stats.late) / stats.published);
    // The drill-down lists exactly the late ones, each published after the 20th working day.
    const late = await lateItems(ctx.db, zhongxing.id, y2025);
    assert.equal(late.length, stats.late);
    assert.ok(late.every((i) => (i.spanWorkdays ?? 0) > 20));
    assert.deepEqual(d.rows.find((r) => r.agencyId === hugou.id)!.items, { published: 0, late: 0 });
  });

  test('requests received and their outcomes equal table 三 of the annual report, heading by heading', async () => {
    const d = await supervisionDashboard(ctx.db, [zhongxing], y2025);
    const ref = { id: zhongxing.id, name: zhongxing.name, level: 'township' as const };
    const cells = (await requestsTable3Source(ctx).table3(ref, 2025, '2021')).cells;
    const rowTotal = (row: string) => APPLICANT_KINDS.reduce((s, k) => s + cells[cellId(row, k)]!.count, 0);
    assert.equal(
      d.months.reduce((t, m) => t + m.requests, 0),
      rowTotal(T3.received),
    );
    assert.equal(d.outcomes.length, 6);
    for (const g of d.outcomes) {
      const expected = outcomeRows('2021')
        .filter((r) => r.id === g.id || r.id.startsWith(`${g.id}.`))
        .reduce((t, r) => t + rowTotal(r.id), 0);
      assert.equal(g.count, expected, g.label);
      assert.ok(expected > 0, `the demo covers ${g.label}`);
    }
    // Every case ended late or overdue is listed in the drill-down, and none that ended on time.
    const row = d.rows[0]!;
    const late = await lateRequests(ctx.db, zhongxing.id, y2025);
    assert.equal(late.length, row.requests.closed - row.requests.onTime + row.requests.overdue);
    assert.ok(late.every((c) => (c.open ? c.dueOn! < y2025.today : c.outcomeOn! > c.dueOn!)));
  });

  test('ratings equal the campaign results; the league table ranks by score, ties sharing a rank', async () => {
    const [campaign] = await ratingsStore.campaignsOf(ctx.db, [
      all.find((a) => a.id === hugou.supervisorId)!.id,
    ]);
    const year = campaign!.year;
    const p = { from: `${year}-01-01`, to: `${year}-12-31`, today: `${year}-12-31` };
    const d = await supervisionDashboard(ctx.db, [zhongxing, hugou], p);
    const results = await campaignResults(ctx.db, campaign!.id, [zhongxing, hugou]);
    const zx = results.find((r) => r.agency.id === zhongxing.id)!.all!;
    const row = d.rows.find((r) => r.agencyId === zhongxing.id)!;
    assert.equal(row.rating!.responses, zx.responses);
    assert.equal(Math.round(row.rating!.overall * 100) / 100, zx.overall);
    assert.equal(d.rows.find((r) => r.agencyId === hugou.id)!.rating, null);

    const league = (await supervisionDashboard(ctx.db, [zhongxing, hugou, education], y2025)).league;
    assert.deepEqual(
      league.map((l) => [l.rank, l.score, l.grade]),
      [
        [1, 95, 'excellent'],
        [2, 88.5, 'good'],
        [2, 88.5, 'good'],
      ],
    );
    assert.equal(league[0]!.agencyId, hugou.id);
    // Scope: only the agencies asked for are read.
    const one = await supervisionDashboard(ctx.db, [education], y2025);
    assert.deepEqual(
      one.league.map((l) => l.agencyId),
      [education.id],
    );
  });
});
