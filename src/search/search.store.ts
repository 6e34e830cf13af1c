/**
 * Kysely queries of the search index, nothing else: the `search_docs` rows and their counter, the statements
 * the engine runs over an adapter's match plan, and what the index reads of the catalog (attachment text,
 * items to reindex). The SQL runs on SQLite and PostgreSQL alike; the adapters' own bigram tables and
 * arrays are theirs (sqlite-index.ts, postgres-index.ts).
 */
import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { MatchPlan } from './gram-store.js';
import type { Candidate } from './rank.js';
import type { SearchFilters } from './search-index.js';
import type { SearchDocTable } from './search.schema.js';

/** What ranking needs of a candidate: the short keys (`d.` prefixed, for the adapters' own statements too). */
export const keyColumns = sql.raw('d.id, d.seq, d.title_key, d.doc_no_key, d.index_no_key');
const hitColumns = sql.raw(
  'd.id, d.seq, d.agency_id, d.title, d.doc_no, d.index_no, d.published_on, d.status, d.validity, d.title_key, d.doc_no_key, d.index_no_key, d.norm',
);

export type KeyRow = Candidate & { id: string };

/** A matching document as a hit is made of it. */
export interface HitRow extends Candidate {
  norm: string;
  id: string;
  agency_id: string;
  title: string;
  doc_no: string;
  index_no: string;
  published_on: string;
  status: string;
  validity: string | null;
}

const statusOf = (includeDrafts: boolean | undefined) =>
  includeDrafts ? sql`d.status IN ('published', 'draft')` : sql`d.status = 'published'`;

export const searchStore = {
  /** The next counter value; the counter row serialises concurrent publishers, so two never get the same. */
  async bumpCounter(db: Queryable): Promise<number> {
    const row = await db
      .updateTable('search_counter')
      .set({ n: sql`n + 1` })
      .where('id', '=', 1)
      .returning('n')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async seqOf(db: Queryable, id: string) {
    return db.selectFrom('search_docs').select('seq').where('id', '=', id).executeTakeFirst();
  },

  async seqAndDayOf(db: Queryable, id: string) {
    return db
      .selectFrom('search_docs')
      .select(['seq', 'published_on'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async deleteDoc(db: Queryable, id: string): Promise<void> {
    await db.deleteFrom('search_docs').where('id', '=', id).execute();
  },

  async updateDoc(db: Queryable, id: string, row: Updateable<SearchDocTable>): Promise<void> {
    await db.updateTable('search_docs').set(row).where('id', '=', id).execute();
  },

  async insertDoc(db: Queryable, row: Insertable<SearchDocTable>): Promise<void> {
    await db.insertInto('search_docs').values(row).execute();
  },

  async countDocs(db: Queryable): Promise<number> {
    const { n } = await db
      .selectFrom('search_docs')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  },

  /** A batch of documents after `after` in seq order, with what the adapters index. */
  async docsAfter(db: Queryable, after: number, limit: number) {
    return db
      .selectFrom('search_docs')
      .select(['seq', 'norm', 'title_key'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(limit)
      .execute();
  },

  /** The agency and every agency below it; the agency alone when it is not (or no longer) in the tree. */
  async agencySubtree(db: Queryable, agencyId: string): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      WITH RECURSIVE sub(id) AS (
        SELECT id FROM agencies WHERE id = ${agencyId}
        UNION ALL SELECT a.id FROM agencies a JOIN sub ON a.parent_id = sub.id
      ) SELECT id FROM sub`.execute(db);
    return rows.rows.length ? rows.rows.map((r) => r.id) : [agencyId];
  },

  /** The condition on documents `d` that the filters of a query make. */
  async filterCondition(db: Queryable, f: SearchFilters): Promise<RawBuilder<unknown>> {
    const parts: RawBuilder<unknown>[] = [statusOf(f.includeDrafts)];
    if (f.agencyId) {
      const ids = await searchStore.agencySubtree(db, f.agencyId);
      parts.push(sql`d.agency_id IN (${sql.join(ids)})`);
    }
    if (f.agencyIds)
      parts.push(f.agencyIds.length ? sql`d.agency_id IN (${sql.join([...f.agencyIds])})` : sql`1 = 0`);
    if (f.columnId) parts.push(sql`d.column_id = ${f.columnId}`);
    if (f.subject) parts.push(sql`d.subject = ${f.subject}`);
    if (f.kind) parts.push(sql`d.kind = ${f.kind}`);
    if (f.year) parts.push(sql`d.year = ${f.year}`);
    if (f.validity) parts.push(sql`d.validity = ${f.validity}`);
    return sql.join(parts, sql` AND `);
  },

  /** The matches of `plan` under `filters`, counted up to `cap + 1` (so "more than cap" shows). */
  async countMatches(
    db: Queryable,
    plan: MatchPlan,
    filters: RawBuilder<unknown>,
    cap: number,
  ): Promise<number> {
    const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${plan.from}
        WHERE ${plan.where} AND ${filters} LIMIT ${cap + 1}) x`.execute(db);
    return Number(counted.rows[0]?.n ?? 0);
  },

  /** The plain "newest matches first" of `plan`, for adapters whose ORDER BY … LIMIT is cheap. */
  async newestMatches(
    db: Queryable,
    plan: MatchPlan,
    filters: RawBuilder<unknown>,
    limit: number,
    skip: number,
    exclude: string[],
  ): Promise<KeyRow[]> {
    return (
      await sql<KeyRow>`SELECT ${keyColumns} FROM ${plan.from} WHERE ${plan.where} AND ${filters}
        ${exclude.length ? sql`AND d.id NOT IN (${sql.join(exclude)})` : sql``}
        ORDER BY ${plan.newestFirst} LIMIT ${limit} OFFSET ${skip}`.execute(db)
    ).rows;
  },

  /** Candidates whose 文号 or index number is exactly `key`, newest first. */
  async exactKeyMatches(db: Queryable, key: string, filters: RawBuilder<unknown>): Promise<KeyRow[]> {
    return (
      await sql<KeyRow>`SELECT ${keyColumns} FROM search_docs d
              WHERE (d.doc_no_key = ${key} OR d.index_no_key = ${key}) AND ${filters}
              ORDER BY d.seq DESC LIMIT 20`.execute(db)
    ).rows;
  },

  /** Full rows of the given documents, in no particular order. */
  async hitRows(db: Queryable, ids: string[]): Promise<HitRow[]> {
    return (
      await sql<HitRow>`SELECT ${hitColumns} FROM search_docs d WHERE d.id IN (${sql.join(ids)})`.execute(db)
    ).rows;
  },

  /** Full rows of the documents whose 文号 or index number is exactly `key`, newest first. */
  async hitRowsByKey(db: Queryable, key: string, includeDrafts: boolean): Promise<HitRow[]> {
    const status = statusOf(includeDrafts);
    const r = await sql<HitRow>`SELECT ${hitColumns} FROM search_docs d
      WHERE (d.doc_no_key = ${key} OR d.index_no_key = ${key}) AND ${status} ORDER BY d.seq DESC LIMIT 20`.execute(
      db,
    );
    return r.rows;
  },

  /** The extracted text of an item's current attachments. */
  async attachmentTexts(db: Queryable, itemId: string) {
    return db
      .selectFrom('catalog_attachments')
      .select('text_content')
      .where('item_id', '=', itemId)
      .where('removed', '=', 0)
      .execute();
  },

  async countCatalogItems(db: Queryable, statuses: string[]): Promise<number> {
    const { n } = await db
      .selectFrom('catalog_items')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('status', 'in', statuses)
      .executeTakeFirstOrThrow();
    return Number(n);
  },

  /** The next batch of catalog item ids after `after`, in id order. */
  async catalogItemIdsAfter(
    db: Queryable,
    statuses: string[],
    after: string,
    limit: number,
  ): Promise<string[]> {
    return (
      await db
        .selectFrom('catalog_items')
        .select('id')
        .where('status', 'in', statuses)
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute()
    ).map((r) => r.id);
  },

  /** Indexed documents whose item is gone or no longer in one of `statuses`. */
  async staleDocIds(db: Queryable, statuses: string[]) {
    return db
      .selectFrom('search_docs as d')
      .leftJoin('catalog_items as i', 'i.id', 'd.id')
      .select('d.id')
      .where((e) => e.or([e('i.id', 'is', null), e('i.status', 'not in', statuses)]))
      .execute();
  },
};
