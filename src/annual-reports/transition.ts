/** Moves a report along its workflow inside the caller's transaction and appends the event. */
import type { Actor } from '../platform/actor.js';
import type { Queryable } from '../platform/db/database.js';
import { appendEvent } from '../platform/events.js';
import { annualReportsStore, type ReportRecord } from './annual-reports.store.js';
import { nextStatus, type ReportStep } from './workflow.js';

const pastTense: Record<Exclude<ReportStep, 'edit'>, string> = {
  submit: 'submitted',
  return: 'returned',
  accept: 'accepted',
  publish: 'published',
  reopen: 'reopened',
};

export async function applyStep(
  tx: Queryable,
  at: Date,
  actor: Actor,
  r: ReportRecord,
  step: Exclude<ReportStep, 'edit'>,
  data: Record<string, unknown> = {},
  patch: Parameters<typeof annualReportsStore.update>[2] = {},
): Promise<void> {
  const status = nextStatus(r.status, step);
  await annualReportsStore.update(tx, r.id, { ...patch, status }, at.toISOString());
  await appendEvent(tx, {
    at,
    actor,
    agencyId: r.agencyId,
    entityType: 'annual_report',
    entityId: r.id,
    action: `annual_report.${pastTense[step]}`,
    data: { year: r.year, from: r.status, to: status, ...data },
  });
}
