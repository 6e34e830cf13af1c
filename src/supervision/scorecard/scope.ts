/** Which agencies a supervising office's scorecard covers, and which offices an actor may run one for. */
import type { Agency } from '../../access/agency.js';
import { can, scopeOf } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import { forbidden, validationFailed } from '../../platform/errors.js';

/** The agencies an office supervises (those naming it as 主管部门, and everything below them). */
export function coveredBy(all: readonly Agency[], officeId: string): Agency[] {
  const scope = scopeOf(
    { kind: 'user', userId: '', label: '', grants: [{ agencyId: officeId, role: 'supervisor' }] },
    'reports.supervise',
    all,
  );
  scope.delete(officeId);
  return all.filter((a) => scope.has(a.id));
}

/** Offices (agencies that some agency names as supervisor) the actor may supervise from. */
export function officesOf(actor: Actor, all: readonly Agency[]): Agency[] {
  const named = new Set(all.map((a) => a.supervisorId).filter((x): x is string => !!x));
  return all.filter((a) => named.has(a.id) && can(actor, 'reports.supervise', a.id, all));
}

/** The office from the input, checked: it exists, supervises someone, and the actor may act for it. */
export function officeFor(actor: Actor, all: readonly Agency[], officeId: unknown): Agency {
  const office = all.find((a) => a.id === officeId);
  if (!office || !all.some((a) => a.supervisorId === office.id))
    throw validationFailed({ officeId: '请选择负责考核的主管部门' });
  if (!can(actor, 'reports.supervise', office.id, all)) throw forbidden('您无权为该主管部门组织考核。');
  return office;
}

export function parseScorecardYear(v: unknown): number {
  const year = Number(typeof v === 'string' ? v.trim() : v);
  if (!Number.isInteger(year) || year < 2008 || year > 2100)
    throw validationFailed({ year: '请填写考核年度，如 2025' });
  return year;
}
