/**
 * Who may do what, declared in one place. A role is granted at one agency; the scope of an action is the set
 * of agencies the user may act for with it. Every admin query is filtered by that scope.
 */
import type { Actor, Role } from '../platform/actor.js';
import type { Agency } from './agency.js';
import { subtreeIds } from './agency.js';

export const roleLabel: Record<Role, string> = {
  platform_admin: '平台管理员',
  agency_admin: '机关管理员',
  editor: '信息编辑',
  reviewer: '审核人员（保密审查）',
  case_handler: '依申请公开经办人',
  office_head: '信息公开工作机构负责人',
  supervisor: '主管部门（监督）',
};

export const actions = [
  'agency.read',
  'agency.manage',
  'users.manage',
  'events.read',
  'catalog.edit',
  'catalog.publish',
  'catalog.manage',
  'requests.handle',
  'requests.approve',
  'requests.review',
  'messages.handle',
  'reports.edit',
  'reports.supervise',
  'calendar.manage',
  // Read-only opening of the records behind the figures (case, item, message pages): no action, data masked.
  'records.view',
] as const;
export type Action = (typeof actions)[number];

const allowed: Record<Role, readonly Action[]> = {
  platform_admin: actions,
  agency_admin: [
    'agency.read',
    'agency.manage',
    'users.manage',
    'events.read',
    'reports.edit',
    'catalog.manage',
  ],
  editor: ['agency.read', 'catalog.edit'],
  reviewer: ['agency.read', 'catalog.edit', 'catalog.publish', 'requests.review'],
  case_handler: ['agency.read', 'requests.handle', 'messages.handle'],
  // Art. 33: the head of the disclosure office approves extensions; releases go through them too.
  office_head: [
    'agency.read',
    'requests.handle',
    'requests.approve',
    'requests.review',
    'messages.handle',
    'catalog.publish',
    'catalog.manage',
    'reports.edit',
  ],
  supervisor: ['agency.read', 'events.read', 'reports.supervise', 'records.view'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return allowed[role].includes(action);
}

/** Agencies a supervising office oversees (主管部门): those naming it, and everything below them. */
function supervisedBy(agencies: readonly Agency[], officeId: string): Set<string> {
  const out = new Set<string>();
  for (const a of agencies) {
    if (a.supervisorId === officeId) for (const id of subtreeIds(agencies, a.id)) out.add(id);
  }
  return out;
}

/** The set of agency ids `actor` may perform `action` for. */
export function scopeOf(actor: Actor, action: Action, agencies: readonly Agency[]): Set<string> {
  if (actor.kind !== 'user') return actor.kind === 'system' ? new Set(agencies.map((a) => a.id)) : new Set();
  const out = new Set<string>();
  for (const g of actor.grants) {
    if (!roleAllows(g.role, action)) continue;
    if (g.role === 'platform_admin') return new Set(agencies.map((a) => a.id));
    if (g.role === 'supervisor') for (const id of supervisedBy(agencies, g.agencyId)) out.add(id);
    out.add(g.agencyId);
  }
  return out;
}

export function can(actor: Actor, action: Action, agencyId: string, agencies: readonly Agency[]): boolean {
  return scopeOf(actor, action, agencies).has(agencyId);
}

export const isPlatformAdmin = (actor: Actor): boolean =>
  actor.kind === 'system' || (actor.kind === 'user' && actor.grants.some((g) => g.role === 'platform_admin'));

/**
 * Who may change where an agency stands — its parent, supervising office, level and 复议机关: the platform
 * administrator, or whoever manages the office that supervises it (主管部门). Its own administrator may not: it
 * could otherwise detach its agency from supervision.
 */
export function mayChangeStructure(actor: Actor, agency: Agency, agencies: readonly Agency[]): boolean {
  if (isPlatformAdmin(actor)) return true;
  return agency.supervisorId !== null && can(actor, 'agency.manage', agency.supervisorId, agencies);
}
