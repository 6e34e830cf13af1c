/**
 * The agency (机关): the tenant of every capability. Agencies form a tree — province, city and county
 * governments with their general offices and departments, townships and streets under counties.
 */
export const agencyLevels = [
  'province',
  'city',
  'county',
  'township',
  'street',
  'department',
  'general_office',
] as const;
export type AgencyLevel = (typeof agencyLevels)[number];

export const agencyLevelLabel: Record<AgencyLevel, string> = {
  province: '省级人民政府',
  city: '设区的市人民政府',
  county: '县（市、区）人民政府',
  township: '乡镇人民政府',
  street: '街道办事处',
  department: '政府部门',
  general_office: '政府办公厅（室）',
};

interface DisclosureOffice {
  /** 政府信息公开工作机构 and the contact details Art. 12 makes every agency publish in its guide. */
  name: string;
  address: string;
  postcode: string;
  hours: string;
  phone: string;
  fax: string;
  email: string;
}

export interface Agency {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string;
  creditCode: string;
  divisionCode: string;
  level: AgencyLevel;
  /** Region code of the holiday overlay its clocks follow (e.g. `450000` for 广西); null = national only. */
  calendarRegion: string | null;
  pathSegment: string;
  supervisorId: string | null;
  /** 复议机关 as named in notices; empty = derived from the tree (行政复议法 Art. 24, see review-body.ts). */
  reconsiderationBody: string;
  /** Required when `reconsiderationBody` departs from the derived body (e.g. Art. 27 vertical agencies). */
  reconsiderationBodyReason: string;
  /** Working days a posted letter is presumed to travel [K]: bounds pauses, presumes receipt of notices. */
  deliveryMarginDays: number;
  /** Rule-making power (规章): State Council departments, provincial and 设区的市 governments (立法法 Art. 93). */
  hasRulemakingPower: boolean;
  office: DisclosureOffice;
  docNoPrefixes: string[];
  sortOrder: number;
}

/** Default rule-making power by level (立法法 Art. 93); departments vary, so it stays editable. */
export function defaultRulemakingPower(level: AgencyLevel): boolean {
  return level === 'province' || level === 'city';
}

/** Ids of `rootId` and everything below it in the tree. */
export function subtreeIds(
  agencies: readonly Pick<Agency, 'id' | 'parentId'>[],
  rootId: string,
): Set<string> {
  const children = new Map<string, string[]>();
  for (const a of agencies) {
    if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
  }
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** The chain from the root of the tree down to `id` (inclusive). */
export function ancestry<T extends Pick<Agency, 'id' | 'parentId'>>(agencies: readonly T[], id: string): T[] {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const chain: T[] = [];
  let current = byId.get(id);
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}
