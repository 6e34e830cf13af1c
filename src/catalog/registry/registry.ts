/**
 * The normative-document registry (规范性文件) as the annual report needs it: table 二（一）, 第二十条第（一）项,
 * 本年制发件数 / 本年废止件数 / 现行有效件数 per agency and year (portal-standards §5: must reconcile with the
 * registry). Decisions (the format text is silent): a document counts as made in the year it was published;
 * 废止 counts repeal and expiry (both end its force) in the year they took effect; 现行有效 is the state on
 * 31 December — published, not repealed by then, and its validity period (有效期至) not over.
 * Withdrawn items were published in error and count nowhere. Documents issued before the agency kept its
 * register here (存量文件, `record-prior-document.ts`) count by the same rules, with their original dates.
 */
import type { Queryable } from '../../platform/db/database.js';
import { registryStore } from './registry.store.js';

export interface RegistryEntry {
  agencyId: string;
  publishedOn: string | null;
  endedOn: string | null;
  expiresOn: string | null;
}

interface RegistryCounts {
  agencyId: string;
  year: number;
  made: number;
  repealed: number;
  inForce: number;
}

/** Pure: the three counts of one year from the registry entries of one agency. */
export function countRegistry(
  agencyId: string,
  entries: readonly RegistryEntry[],
  year: number,
): RegistryCounts {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  let made = 0;
  let repealed = 0;
  let inForce = 0;
  for (const e of entries) {
    if (!e.publishedOn) continue;
    if (e.publishedOn >= first && e.publishedOn <= last) made++;
    const ended = e.endedOn ?? (e.expiresOn ? nextDay(e.expiresOn) : null);
    if (ended && ended >= first && ended <= last) repealed++;
    if (e.publishedOn <= last && !(ended && ended <= last)) inForce++;
  }
  return { agencyId, year, made, repealed, inForce };
}

/** The day after `d` (a document valid through its 有效期至 day ends the next day). */
function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** Registry counts per agency for the annual report (reports capability calls this). */
export async function normativeDocumentCounts(
  db: Queryable,
  agencyIds: readonly string[],
  year: number,
): Promise<RegistryCounts[]> {
  if (!agencyIds.length) return [];
  const rows = await registryStore.normativeDatesOf(db, agencyIds, `${year}-12-31`);
  const prior = await registryStore.priorDocumentsOf(db, agencyIds, `${year}-12-31`);
  const byAgency = new Map<string, RegistryEntry[]>(agencyIds.map((id) => [id, []]));
  for (const r of prior)
    byAgency.get(r.agency_id)!.push({
      agencyId: r.agency_id,
      publishedOn: r.published_on,
      endedOn: r.repealed_on,
      expiresOn: r.expires_on,
    });
  for (const r of rows)
    byAgency.get(r.agency_id)!.push({
      agencyId: r.agency_id,
      publishedOn: r.published_on,
      endedOn: r.repealed_on,
      expiresOn: r.expires_on,
    });
  return agencyIds.map((id) => countRegistry(id, byAgency.get(id)!, year));
}

/** Registry list of an agency (published normative documents), newest first. */
export async function registryOf(db: Queryable, agencyId: string) {
  return registryStore.publishedNormative(db, agencyId);
}

/**
 * Whether the agency keeps its register here for the year: by 31 December (Beijing time) some normative
 * document of it was published on the platform, or its earlier documents were entered here. Until then the
 * annual report keeps figures entered by hand (history): entering old documents in 2026 does not turn the
 * 2020 report into a computed one, because what counts is when they were entered, not their dates.
 */
export async function registryInUse(db: Queryable, agencyId: string, year: number): Promise<boolean> {
  const r = await registryStore.anyNormativePublishedBy(db, agencyId, `${year}-12-31`);
  if (r) return true;
  return registryStore.anyPriorDocumentEnteredBefore(db, agencyId, `${year}-12-31T16:00:00.000Z`);
}
