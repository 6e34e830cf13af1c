/**
 * Read side for the portal: which columns have content (cached briefly — the navigation is built on every
 * page and must not count a million rows each time), and the pieces of an item page.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import type { Queryable } from '../../platform/db/database.js';
import { announceContentChange } from '../../platform/content-version.js';
import { epochCache, publicContentChanged, publicContentEpoch } from '../../web/public-cache.js';
import { catalogStore, type Column } from '../catalog.store.js';
import { registryStore } from '../registry/registry.store.js';
import { subjectsStore } from '../subjects.store.js';
import { portalStore } from './portal.store.js';

interface ColumnsWithContent {
  columns: Column[];
  filled: Set<string>;
  normative: boolean;
  standard: boolean;
}
const cache = epochCache<ColumnsWithContent>({ ttl: 5000, max: 10_000 });

/** The agency's columns and the ids of those with at least one published item (or a child that has). */
export async function columnsWithContent(db: Queryable, agency: Agency): Promise<ColumnsWithContent> {
  const hit = cache.get(agency.id);
  if (hit) return hit.value;
  const epoch = publicContentEpoch();
  const columns = await catalogStore.columns(db, agency.id);
  const filled = new Set<string>();
  for (const c of columns) {
    if (await portalStore.columnHasPublished(db, c.id)) {
      filled.add(c.id);
      if (c.parentId) filled.add(c.parentId);
    }
  }
  // A county's column also lists its townships' items (catalog.portal.tsx), so it has content when one of
  // theirs of the same code has.
  const subordinates = subordinateSites(await agencyTree(db), agency);
  for (const s of subordinates) {
    const theirs = await columnsWithContent(db, s);
    const filledCodes = new Set(theirs.columns.filter((c) => theirs.filled.has(c.id)).map((c) => c.code));
    for (const c of columns)
      if (filledCodes.has(c.code)) {
        filled.add(c.id);
        if (c.parentId) filled.add(c.parentId);
      }
  }
  const normative =
    (await portalStore.hasPublishedNormative(db, agency.id)) ||
    // Documents entered from before the platform make a register worth showing too.
    (await registryStore.anyPriorDocument(db, agency.id));
  const standard = await portalStore.hasStandardEntries(db, agency.id);
  const entry = { columns, filled, normative, standard };
  cache.set(agency.id, entry, epoch);
  return entry;
}

const TREE_TTL_MS = 30_000;
/** Per database (a process may hold several: the tests run each suite on SQLite and PostgreSQL). */
const trees = new WeakMap<Queryable, { at: number; epoch: number; agencies: Agency[] }>();

/** All agencies, kept briefly: every column page of a county asks which townships are under it. */
export async function agencyTree(db: Queryable): Promise<Agency[]> {
  const tree = trees.get(db);
  if (tree && Date.now() - tree.at < TREE_TTL_MS && tree.epoch === publicContentEpoch()) return tree.agencies;
  const epoch = publicContentEpoch();
  const agencies = await agenciesStore.all(db);
  trees.set(db, { at: Date.now(), epoch, agencies });
  return agencies;
}

/** Townships and streets under a county: their items show in the county's column lists. */
export const subordinateSites = (all: readonly Agency[], agency: Agency) =>
  all.filter((a) => a.parentId === agency.id && (a.level === 'township' || a.level === 'street'));

/**
 * Lists count their items up to this many: counting is the dearest query of a column page (a column of
 * 1,000,000 items took 0.3–0.6 s, and SQLite answers one query at a time), and above it a reader learns
 * nothing from the exact figure. Larger lists say "超过 10000 条" and page by cursor as usual.
 */
export const COUNT_CAP = 10_000;
interface ListTotal {
  /** Exact up to COUNT_CAP; COUNT_CAP when there are more. */
  count: number;
  exact: boolean;
}

/** Column totals: counting a large column is the dearest query of a page, and a change here resets them. */
const totals = epochCache<ListTotal>({ ttl: 60_000, max: 10_000 });

/**
 * Published items in a set of columns (counted up to COUNT_CAP), cached for a minute: even a capped count
 * costs more than rendering the page.
 */
export async function columnTotal(
  db: Queryable,
  columnIds: readonly string[],
  cap = COUNT_CAP,
): Promise<ListTotal> {
  const key = `${cap}:${[...columnIds].sort().join(',')}`;
  const hit = totals.get(key);
  if (hit) return hit.value;
  const epoch = publicContentEpoch();
  const n = await portalStore.publishedCountUpTo(db, columnIds, cap);
  const total = { count: Math.min(n, cap), exact: n <= cap };
  totals.set(key, total, epoch);
  return total;
}

/**
 * Forget the caches after a change to published content has committed (publishing, revising, withdrawing,
 * repealing, columns), so it shows at once on this node, and announce it so every other node — and the server
 * when the change came from the CLI or a job — drops its caches within a poll (src/platform/content-version.ts).
 * Pass the database, not a transaction that is still open: the announcement must follow the commit.
 */
export async function forgetColumnsCache(db: Queryable): Promise<void> {
  // All of it: a county's entry depends on its townships' columns.
  cache.clear();
  totals.clear();
  publicContentChanged();
  await announceContentChange(db);
}

const SUBJECTS_TTL_MS = 60_000;
const subjectsOf = new WeakMap<Queryable, { at: number; names: Map<string, string> }>();

/** 主题分类 as shown on an item page (父类\\子类); the taxonomy is read once a minute, not per page. */
export async function subjectName(db: Queryable, code: string | null): Promise<string | undefined> {
  if (!code) return undefined;
  let subjects = subjectsOf.get(db);
  if (!subjects || Date.now() - subjects.at > SUBJECTS_TTL_MS) {
    const rows = await subjectsStore.all(db);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const names = new Map<string, string>();
    for (const r of rows) {
      const parent = r.parent_code ? byCode.get(r.parent_code) : undefined;
      names.set(r.code, parent ? `${parent.name}\\${r.name}` : r.name);
    }
    subjects = { at: Date.now(), names };
    subjectsOf.set(db, subjects);
  }
  return subjects.names.get(code);
}
