/**
 * The supervisor's roll-up for a year over the agencies in the user's scope: agencies, report records and the
 * report stores (this year and last) loaded once for all of them — one query per table — then each agency's
 * tables and checks computed in memory, exactly as its report page computes them.
 */
import { agenciesStore } from '../access/agencies.store.js';
import type { Agency } from '../access/agency.js';
import { legalToday } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import type { ReportSources } from '../reports/ports.js';
import { bulkStoreSources } from './bulk-sources.js';
import { annualReportsStore } from './annual-reports.store.js';
import { rollupRow, type RollupRow } from './rollup.js';
import { computeCheckedReport } from './working-report.js';
import { figuresOf } from './writing/figures.js';

export async function supervisorRollup(
  ctx: AppContext,
  agencies: readonly Agency[],
  year: number,
  /** The report stores read in bulk unless a test passes its own sources. */
  given?: ReportSources,
): Promise<RollupRow[]> {
  const ids = agencies.map((a) => a.id);
  const [all, records, previous, sources] = await Promise.all([
    agenciesStore.all(ctx.db),
    annualReportsStore.forAgencies(ctx.db, ids, year),
    annualReportsStore.forAgencies(ctx.db, ids, year - 1),
    given ?? bulkStoreSources(ctx, ids, [year - 1, year]),
  ]);
  const today = legalToday(ctx);
  const byAgency = new Map(records.map((r) => [r.agencyId, r]));
  const previousByAgency = new Map(previous.map((r) => [r.agencyId, r]));
  const rows: RollupRow[] = [];
  for (const a of agencies) {
    const w = await computeCheckedReport(ctx, a, year, {
      all,
      record: byAgency.get(a.id),
      previousRecord: previousByAgency.get(a.id),
      sources,
    });
    rows.push(rollupRow(a, year, w.record, w.checks, today, figuresOf(w.report)));
  }
  return rows;
}
