import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportRecord } from './annual-reports.store.js';
import { emptyNarrative } from './narrative.js';
import { regionalSummary, rollupRow } from './rollup.js';

const agency = { id: 'a', name: '某乡人民政府', level: 'township' as const };
const record = (over: Partial<ReportRecord>): ReportRecord => ({
  id: 'r',
  agencyId: 'a',
  year: 2025,
  status: 'draft',
  narrative: emptyNarrative(),
  returnComment: null,
  reissueReason: null,
  publishedVersions: 0,
  firstPublishedAt: null,
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('regional summary', () => {
  it('sums each figure over the agencies, counting an agency without figures as 0', () => {
    const f = (received: number, reviews: number) =>
      ({ received, reviews }) as unknown as Parameters<typeof rollupRow>[5];
    const rows = [
      rollupRow(agency, 2025, undefined, [], '2026-01-02', f(3, 1)),
      rollupRow(agency, 2025, undefined, [], '2026-01-02', f(4, 0)),
      rollupRow(agency, 2025, undefined, [], '2026-01-02'),
    ];
    const s = regionalSummary(rows);
    assert.equal(s.received, 7);
    assert.equal(s.reviews, 1);
    assert.equal(s.lawsuits, 0);
  });
});

describe('supervisor roll-up row', () => {
  it('not started and overdue after 31 January', () => {
    const row = rollupRow(agency, 2025, undefined, [], '2026-02-01');
    assert.deepEqual([row.status, row.dueOn, row.deadline], ['not_started', '2026-01-31', 'overdue']);
  });
  it('published at 23:30 Beijing time on 31 January (15:30 UTC) is on time; at 00:30 on 1 February is late', () => {
    const on = rollupRow(
      agency,
      2025,
      record({ status: 'published', firstPublishedAt: '2026-01-31T15:30:00Z' }),
      [],
      '2026-03-01',
    );
    const late = rollupRow(
      agency,
      2025,
      record({ status: 'published', firstPublishedAt: '2026-01-31T16:30:00Z' }),
      [],
      '2026-03-01',
    );
    assert.equal(on.deadline, 'on_time');
    assert.equal(late.deadline, 'late');
  });
  it('counts failing checks by severity', () => {
    const c = (severity: 'error' | 'warning', status: 'failed' | 'passed') => ({
      ruleId: 'x',
      title: 'x',
      severity,
      status,
      findings: [],
    });
    const row = rollupRow(
      agency,
      2025,
      record({}),
      [c('error', 'failed'), c('warning', 'failed'), c('warning', 'failed'), c('error', 'passed')],
      '2026-01-02',
    );
    assert.deepEqual([row.errors, row.warnings, row.deadline], [1, 2, 'pending']);
  });
});
