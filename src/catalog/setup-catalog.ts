/**
 * Gives an agency its standard columns (and the platform its subject taxonomy) the first time the catalog
 * is used. Idempotent: existing columns are left as the agency edited them.
 */
import type { Agency } from '../access/agency.js';
import type { Queryable } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import { catalogStore } from './catalog.store.js';
import { standardColumns } from './columns.js';
import { stateCouncilSubjects } from './data/subjects.js';
import { subjectsStore } from './subjects.store.js';

async function ensureSubjects(db: Queryable): Promise<void> {
  if (await subjectsStore.any(db)) return;
  let order = 0;
  for (const s of stateCouncilSubjects) {
    await subjectsStore.insert(db, { code: s.code, parent_code: null, name: s.name, sort_order: order++ });
    let k = 1;
    for (const c of s.children ?? []) {
      await subjectsStore.insert(db, {
        code: `${s.code}${String(k++).padStart(2, '0')}`,
        parent_code: s.code,
        name: c,
        sort_order: order++,
      });
    }
  }
}

export async function ensureCatalog(db: Queryable, agency: Agency): Promise<void> {
  await ensureSubjects(db);
  const existing = await catalogStore.columns(db, agency.id);
  if (existing.length) return;
  const ids = new Map<string, string>();
  let order = 0;
  for (const t of standardColumns(agency.level)) {
    const id = newId();
    ids.set(t.code, id);
    await catalogStore.insertColumn(db, {
      id,
      agencyId: agency.id,
      parentId: t.parentCode ? (ids.get(t.parentCode) ?? null) : null,
      code: t.code,
      name: t.name,
      kind: t.kind,
      articleItem: t.articleItem ?? null,
      sortOrder: (order += 10),
    });
  }
}

export interface Subject {
  code: string;
  parentCode: string | null;
  name: string;
}

export async function listSubjects(db: Queryable): Promise<Subject[]> {
  const rows = await subjectsStore.all(db);
  return rows.map((r) => ({ code: r.code, parentCode: r.parent_code, name: r.name }));
}
