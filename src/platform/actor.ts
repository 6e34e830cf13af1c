/**
 * Who is acting: the vocabulary every layer shares (events record it, use cases check it, routes carry it).
 * The role names live here because an actor carries its grants; what each role may do is decided in
 * access/permissions.ts.
 */
export const roles = [
  'platform_admin',
  'agency_admin',
  'editor',
  'reviewer',
  'case_handler',
  'office_head',
  'supervisor',
] as const;
export type Role = (typeof roles)[number];

export interface RoleGrant {
  agencyId: string;
  role: Role;
}

export type Actor =
  | { kind: 'user'; userId: string; label: string; grants: RoleGrant[] }
  | { kind: 'system'; label: string }
  | { kind: 'public'; label: string };

export const systemActor = (label = '系统'): Actor => ({ kind: 'system', label });
export const publicActor = (label = '公众'): Actor => ({ kind: 'public', label });
