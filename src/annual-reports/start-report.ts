/**
 * Use case: start an agency's report for a year. The narrative begins as the data-driven draft (every number
 * computed from the tables). Starting again is harmless: an existing report is returned unchanged.
 */
import { can } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import { agenciesStore } from '../access/agencies.store.js';
import type { AppContext } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { newId } from '../platform/ids.js';
import type { ReportSources } from '../reports/ports.js';
import { annualReportsStore } from './annual-reports.store.js';
import { parseYear } from './report-access.js';
import { computeWorkingReport, loadAgency } from './working-report.js';

export async function startReport(
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; year: unknown },
  /** Where the draft's numbers come from: the report stores unless a test passes its own. */
  sources?: ReportSources,
): Promise<{ reportId: string; created: boolean }> {
  const year = parseYear(input.year);
  const agency = await loadAgency(ctx.db, input.agencyId);
  if (!can(actor, 'reports.edit', agency.id, await agenciesStore.all(ctx.db)))
    throw forbidden('您无权编辑该机关的年报。');
  const existing = await annualReportsStore.byAgencyYear(ctx.db, agency.id, year);
  if (existing) return { reportId: existing.id, created: false };
  const working = await computeWorkingReport(ctx, agency, year, sources);
  const id = newId();
  await ctx.db.transaction().execute(async (tx) => {
    await annualReportsStore.insert(tx, {
      id,
      agencyId: agency.id,
      year,
      narrative: working.draft,
      at: ctx.now().toISOString(),
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: agency.id,
      entityType: 'annual_report',
      entityId: id,
      action: 'annual_report.started',
      data: { year },
    });
  });
  return { reportId: id, created: true };
}
