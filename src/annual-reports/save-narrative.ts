/** Use case: save the narrative of a draft (or returned) report; records which parts changed. */
import type { Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { appendEvent } from '../platform/events.js';
import { annualReportsStore } from './annual-reports.store.js';
import { parseNarrativeInput, partIds } from './narrative.js';
import { parseYear, reportFor } from './report-access.js';
import { nextStatus } from './workflow.js';

export async function saveNarrative(
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; year: unknown; narrative: unknown },
): Promise<void> {
  const year = parseYear(input.year);
  const narrative = parseNarrativeInput(input.narrative);
  await ctx.db.transaction().execute(async (tx) => {
    const r = await reportFor(tx, actor, 'reports.edit', input.agencyId, year);
    nextStatus(r.status, 'edit');
    const changed = partIds.filter((id) => r.narrative[id] !== narrative[id]);
    if (changed.length === 0) return;
    await annualReportsStore.update(tx, r.id, { narrative }, ctx.now().toISOString());
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: r.agencyId,
      entityType: 'annual_report',
      entityId: r.id,
      action: 'annual_report.narrative_saved',
      data: { year, parts: changed },
    });
  });
}
