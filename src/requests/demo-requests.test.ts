import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agenciesStore } from '../access/agencies.store.js';
import { loadDemo } from '../demo/load-demo.js';
import { cellId, outcomeRows } from '../reports/model/formats.js';
import { APPLICANT_KINDS, T3 } from '../reports/model/shared-tables.js';
import { describeEachDatabase } from '../../test/support/db.js';
import { testContext } from '../../test/support/context.js';
import { requestsTable3Source } from '../reports/requests-table3.js';
import { table3SourceFor } from '../reports/report-sources.js';
import { noticeTemplatesStore } from './notices/notice-templates.store.js';

describeEachDatabase('demo township requests', ({ handle }) => {
  test('2025 cases cover every row of table 三, every applicant column, and carry some into 2026', async () => {
    const ctx = testContext(handle());
    await loadDemo(ctx);
    const agency = (await agenciesStore.byPathSegment(ctx.db, 'zhongxing'))!;
    const ref = { id: agency.id, name: agency.name, level: 'township' as const };
    for (const format of ['2021', '2019'] as const) {
      const cells = (await requestsTable3Source(ctx).table3(ref, 2025, format)).cells;
      const rowTotal = (row: string) => APPLICANT_KINDS.reduce((s, k) => s + cells[cellId(row, k)]!.count, 0);
      for (const row of outcomeRows(format))
        assert.ok(rowTotal(row.id) > 0, `${format} ${row.id} ${row.label}`);
      for (const k of APPLICANT_KINDS) assert.ok(cells[cellId(T3.received, k)]!.count > 0, k);
      assert.ok(rowTotal(T3.carriedForward) >= 4);
      const outcomes = outcomeRows(format).reduce((s, r) => s + rowTotal(r.id), 0);
      assert.equal(rowTotal(T3.received) + rowTotal(T3.carriedOver), outcomes + rowTotal(T3.carriedForward));
    }
    // The report's seam reads the cases where no figures were entered for the agency-year.
    const y2026 = (await table3SourceFor(ctx).table3(ref, 2026, '2021')).cells;
    assert.ok(y2026[cellId(T3.carriedOver, 'natural')]!.caseIds !== undefined, 'case-backed, not entered');
    assert.ok(APPLICANT_KINDS.reduce((s, k) => s + y2026[cellId(T3.carriedOver, k)]!.count, 0) >= 4);
    // One customised notice template, saved through the use case.
    assert.deepEqual(Object.keys(await noticeTemplatesStore.texts(ctx.db, agency.id, 'receipt')).sort(), [
      'closing',
      'contact',
    ]);
  });
});
