/** Loads a report record and checks the actor may take a step on it; shared by the workflow use cases. */
import { agenciesStore } from '../access/agencies.store.js';
import { can, type Action } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import type { Queryable } from '../platform/db/database.js';
import { forbidden, notFound } from '../platform/errors.js';
import { annualReportsStore, type ReportRecord } from './annual-reports.store.js';

export async function reportFor(
  db: Queryable,
  actor: Actor,
  action: Action,
  agencyId: string,
  year: number,
): Promise<ReportRecord> {
  const all = await agenciesStore.all(db);
  if (!can(actor, action, agencyId, all))
    throw forbidden(
      action === 'reports.supervise'
        ? '您不是该机关的主管部门，无权审核其年报。'
        : '您无权编辑该机关的年报。',
    );
  const record = await annualReportsStore.byAgencyYear(db, agencyId, year);
  if (!record) throw notFound(`该机关${year}年的年报`);
  return record;
}

export function parseYear(value: unknown): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw notFound('该年度的年报');
  return year;
}
