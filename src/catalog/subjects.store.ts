/** Kysely queries of the subject taxonomy (主题分类, `catalog_subjects`), nothing else. */
import type { Insertable } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { CatalogSubjectTable } from './catalog.schema.js';

export const subjectsStore = {
  /** Whether the taxonomy has been seeded at all. */
  async any(db: Queryable): Promise<boolean> {
    return !!(await db.selectFrom('catalog_subjects').select('code').limit(1).executeTakeFirst());
  },
  /** Every entry, in the taxonomy's order. */
  async all(db: Queryable) {
    return db.selectFrom('catalog_subjects').selectAll().orderBy('sort_order').execute();
  },
  async byCode(db: Queryable, code: string) {
    return db.selectFrom('catalog_subjects').selectAll().where('code', '=', code).executeTakeFirst();
  },
  /** The codes under a parent, or the top-level codes when `parentCode` is null. */
  async childCodes(db: Queryable, parentCode: string | null) {
    return db
      .selectFrom('catalog_subjects')
      .select('code')
      .where('parent_code', parentCode !== null ? '=' : 'is', parentCode)
      .execute();
  },
  async insert(db: Queryable, row: Insertable<CatalogSubjectTable>): Promise<void> {
    await db.insertInto('catalog_subjects').values(row).execute();
  },
};
