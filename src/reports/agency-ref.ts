/**
 * The report model's view of an agency: its administrative level as the report rules need it (rule-making
 * power, fee-amount thresholds). A department or general office takes the level of the government above it.
 */
import type { Agency } from '../access/agency.js';
import type { AgencyLevel, AgencyRef } from './model/types.js';

const GOVERNMENT: Record<string, AgencyLevel> = {
  province: 'provincial-government',
  city: 'prefectural-government',
  county: 'county-government',
  township: 'township',
  street: 'township',
};
const DEPARTMENT: Record<string, AgencyLevel> = {
  province: 'provincial-department',
  city: 'prefectural-department',
  county: 'county-department',
};

export function agencyRefOf(agency: Agency, all: readonly Agency[]): AgencyRef {
  let level: AgencyLevel = GOVERNMENT[agency.level] ?? 'other';
  if (agency.level === 'department' || agency.level === 'general_office') {
    const parent = all.find((a) => a.id === agency.parentId);
    level = (parent && DEPARTMENT[parent.level]) ?? 'other';
  }
  return { id: agency.id, name: agency.name, creditCode: agency.creditCode, level };
}
