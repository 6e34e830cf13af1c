/**
 * Who may see and change an agency's report inputs: `reports.edit` for the agency's own staff, and
 * `reports.supervise` (read only) for the supervising office.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { can, scopeOf } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden, notFound } from '../../platform/errors.js';

type ReportAccess = 'read' | 'edit';

export async function reportAgency(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  access: ReportAccess,
): Promise<Agency> {
  const all = await agenciesStore.all(ctx.db);
  const agency = all.find((a) => a.id === agencyId);
  const mayEdit = agency !== undefined && can(actor, 'reports.edit', agency.id, all);
  const mayRead = mayEdit || (agency !== undefined && can(actor, 'reports.supervise', agency.id, all));
  if (!agency || !mayRead) throw notFound('该机关的年报');
  if (access === 'edit' && !mayEdit) throw forbidden('您可以查看该机关的年报数据，但无权修改。');
  return agency;
}

/** Agencies whose reports the actor may see, in tree order, each marked whether they may edit it. */
export async function reportAgencies(
  ctx: AppContext,
  actor: Actor,
): Promise<{ agency: Agency; editable: boolean }[]> {
  const all = await agenciesStore.all(ctx.db);
  const edit = scopeOf(actor, 'reports.edit', all);
  const read = scopeOf(actor, 'reports.supervise', all);
  return all
    .filter((a) => edit.has(a.id) || read.has(a.id))
    .map((agency) => ({ agency, editable: edit.has(agency.id) }));
}
