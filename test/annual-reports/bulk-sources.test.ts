/** The roll-up's bulk reads answer exactly as the per-agency store sources, and the roll-up is unchanged by them. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { agenciesStore } from '../../src/access/agencies.store.js';
import type { Agency } from '../../src/access/agency.js';
import { bulkStoreSources } from '../../src/annual-reports/bulk-sources.js';
import { rollupRow } from '../../src/annual-reports/rollup.js';
import { supervisorRollup } from '../../src/annual-reports/supervisor-rollup.js';
import { computeWorkingReport } from '../../src/annual-reports/working-report.js';
import { figuresOf } from '../../src/annual-reports/writing/figures.js';
import { legalToday } from '../../src/calendar/legal-day.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import type { AppContext } from '../../src/platform/context.js';
import { agencyRefOf } from '../../src/reports/agency-ref.js';
import { formatForYear } from '../../src/reports/model/formats.js';
import { reportSourcesFor } from '../../src/reports/report-sources.js';
import { describeEachDatabase } from '../support/db.js';
import { testContext } from '../support/context.js';

describeEachDatabase('roll-up bulk sources', ({ handle }) => {
  let ctx: AppContext;
  let agencies: Agency[];
  before(async () => {
    ctx = testContext(handle(), { now: () => new Date('2026-02-10T02:00:00Z') });
    await loadDemo(ctx);
    agencies = await agenciesStore.all(ctx.db);
  });

  it('gives every agency the same table 二, table 三 and disputes as the store, loaded years or not', async () => {
    const bulk = await bulkStoreSources(
      ctx,
      agencies.map((a) => a.id),
      [2024, 2025],
    );
    const store = reportSourcesFor(ctx);
    let nonEmpty = 0;
    for (const a of agencies) {
      const ref = agencyRefOf(a, agencies);
      for (const year of [2020, 2023, 2024, 2025, 2026]) {
        const format = formatForYear(year);
        const expected = {
          a20: await store.article20.article20(ref, year, format),
          t3: await store.table3.table3(ref, year, format),
          d: await store.disputes.disputes(ref, year),
        };
        const actual = {
          a20: await bulk.article20.article20(ref, year, format),
          t3: await bulk.table3.table3(ref, year, format),
          d: await bulk.disputes.disputes(ref, year),
        };
        assert.deepEqual(actual, expected, `${a.name} ${year}`);
        if (expected.a20.length && Object.keys(expected.t3.cells).length && expected.d.length) nonEmpty++;
      }
    }
    // The comparison means something only if the demo data reached the stores.
    assert.ok(nonEmpty >= 1, `agency-years with all three sources filled: ${nonEmpty}`);
  });

  it('the roll-up shows what each agency’s report page computes on its own', async () => {
    const today = legalToday(ctx);
    for (const year of [2020, 2025]) {
      const rows = await supervisorRollup(ctx, agencies, year);
      const one = [];
      for (const a of agencies) {
        const w = await computeWorkingReport(ctx, a, year);
        one.push(rollupRow(a, year, w.record, w.checks, today, figuresOf(w.report)));
      }
      assert.deepEqual(rows, one);
    }
  });
});
