/**
 * Read side for the portal: which columns have content (cached briefly — the navigation is built on every
 * page and must not count a million rows each time), and the pieces of an item page.
 */
import type { Agency } from '../agencies/agency.js';
import type { Queryable } from '../platform/db/database.js';
import { catalogStore, type Column } from './catalog.store.js';

const TTL_MS = 5000;
const cache = new Map<string, { at: number; columns: Column[]; filled: Set<string>; normative: boolean }>();

/** The agency's columns and the ids of those with at least one published item (or a child that has). */
export async function columnsWithContent(
  db: Queryable,
  agency: Agency,
): Promise<{ columns: Column[]; filled: Set<string>; normative: boolean }> {
  const hit = cache.get(agency.id);
  if (hit && Date.now() - hit.at < TTL_MS) return hit;
  const columns = await catalogStore.columns(db, agency.id);
  const filled = new Set<string>();
  for (const c of columns) {
    const one = await db
      .selectFrom('catalog_items')
      .select('id')
      .where('column_id', '=', c.id)
      .where('status', '=', 'published')
      .limit(1)
      .executeTakeFirst();
    if (one) {
      filled.add(c.id);
      if (c.parentId) filled.add(c.parentId);
    }
  }
  const normative = !!(await db
    .selectFrom('catalog_items')
    .select('id')
    .where('agency_id', '=', agency.id)
    .where('normative', '=', 1)
    .where('status', '=', 'published')
    .limit(1)
    .executeTakeFirst());
  const entry = { at: Date.now(), columns, filled, normative };
  cache.set(agency.id, entry);
  return entry;
}

/** Forget the cache (after publishing, so the editor sees the column appear at once on this node). */
export const forgetColumnsCache = (agencyId: string) => cache.delete(agencyId);

export async function subjectName(db: Queryable, code: string | null): Promise<string | undefined> {
  if (!code) return undefined;
  const s = await db
    .selectFrom('catalog_subjects')
    .select(['name', 'parent_code'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!s) return undefined;
  if (!s.parent_code) return s.name;
  const p = await db
    .selectFrom('catalog_subjects')
    .select('name')
    .where('code', '=', s.parent_code)
    .executeTakeFirst();
  return p ? `${p.name}\\${s.name}` : s.name;
}
