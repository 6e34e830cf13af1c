/**
 * Read side for the portal: which columns have content (cached briefly — the navigation is built on every
 * page and must not count a million rows each time), and the pieces of an item page.
 */
import type { Agency } from '../agencies/agency.js';
import type { Queryable } from '../platform/db/database.js';
import { catalogStore, type Column } from './catalog.store.js';

const TTL_MS = 5000;
const cache = new Map<
  string,
  { at: number; columns: Column[]; filled: Set<string>; normative: boolean; standard: boolean }
>();

/** The agency's columns and the ids of those with at least one published item (or a child that has). */
export async function columnsWithContent(
  db: Queryable,
  agency: Agency,
): Promise<{ columns: Column[]; filled: Set<string>; normative: boolean; standard: boolean }> {
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
  const standard = !!(await db
    .selectFrom('catalog_standard_entries')
    .select('id')
    .where('agency_id', '=', agency.id)
    .limit(1)
    .executeTakeFirst());
  const entry = { at: Date.now(), columns, filled, normative, standard };
  cache.set(agency.id, entry);
  return entry;
}

const totals = new Map<string, { at: number; total: number }>();

/**
 * Published items in a set of columns, cached for a few seconds: counting a large column on every page view
 * would cost more than rendering the page.
 */
export async function columnTotal(db: Queryable, columnIds: readonly string[]): Promise<number> {
  const key = [...columnIds].sort().join(',');
  const hit = totals.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.total;
  const r = await db
    .selectFrom('catalog_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('column_id', 'in', columnIds.length ? [...columnIds] : [''])
    .where('status', '=', 'published')
    .executeTakeFirst();
  const total = Number(r?.n ?? 0);
  if (totals.size > 10000) totals.clear();
  totals.set(key, { at: Date.now(), total });
  return total;
}

/** Forget the caches (after publishing, so the editor sees the change at once on this node). */
export const forgetColumnsCache = (agencyId: string) => {
  cache.delete(agencyId);
  totals.clear();
};

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
