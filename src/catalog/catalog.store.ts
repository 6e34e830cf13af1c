/** Kysely queries of the catalog, nothing else. */
import type { Insertable, Selectable } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { CatalogColumnTable, CatalogItemTable, CatalogStandardEntryTable } from './catalog.schema.js';
import type { FiveKind, Item, ItemStatus, Validity } from './items/item.js';

export interface Column {
  id: string;
  agencyId: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  articleItem: string | null;
  sortOrder: number;
}

const toColumn = (r: Selectable<CatalogColumnTable>): Column => ({
  id: r.id,
  agencyId: r.agency_id,
  parentId: r.parent_id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  articleItem: r.article_item,
  sortOrder: r.sort_order,
});

function toItem(r: Selectable<CatalogItemTable>): Item {
  return {
    id: r.id,
    agencyId: r.agency_id,
    columnId: r.column_id,
    indexNo: r.index_no,
    status: r.status as ItemStatus,
    title: r.title,
    summary: r.summary,
    issuer: r.issuer,
    writtenOn: r.written_on,
    publishedOn: r.published_on,
    publishedAt: r.published_at,
    docNo: r.doc_no,
    subjectCode: r.subject_code,
    genre: r.genre,
    fiveKind: r.five_kind as FiveKind | null,
    keyDomain: r.key_domain,
    keywords: r.keywords,
    source: r.source,
    validity: r.validity as Validity,
    bodyHtml: r.body_html,
    normative: r.normative === 1,
    interpretsId: r.interprets_id,
    interpretationExemption: r.interpretation_exemption,
    effectiveOn: r.effective_on,
    expiresOn: r.expires_on,
    repealedOn: r.repealed_on,
    validityNote: r.validity_note,
    spanWorkdays: r.span_workdays,
    late: r.late === 1,
    revision: r.revision,
    withdrawReason: r.withdraw_reason,
    standardEntryId: r.standard_entry_id,
    approvals: JSON.parse(r.approvals) as Item['approvals'],
    repostOf: r.repost_of,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function itemRow(i: Item): CatalogItemTable {
  return {
    id: i.id,
    agency_id: i.agencyId,
    column_id: i.columnId,
    index_no: i.indexNo,
    status: i.status,
    title: i.title,
    summary: i.summary,
    issuer: i.issuer,
    written_on: i.writtenOn,
    published_on: i.publishedOn,
    published_at: i.publishedAt,
    doc_no: i.docNo,
    subject_code: i.subjectCode,
    genre: i.genre,
    five_kind: i.fiveKind,
    key_domain: i.keyDomain,
    keywords: i.keywords,
    source: i.source,
    validity: i.validity,
    body_html: i.bodyHtml,
    normative: i.normative ? 1 : 0,
    interprets_id: i.interpretsId,
    interpretation_exemption: i.interpretationExemption,
    effective_on: i.effectiveOn,
    expires_on: i.expiresOn,
    repealed_on: i.repealedOn,
    validity_note: i.validityNote,
    span_workdays: i.spanWorkdays,
    late: i.late ? 1 : 0,
    revision: i.revision,
    withdraw_reason: i.withdrawReason,
    standard_entry_id: i.standardEntryId,
    approvals: JSON.stringify(i.approvals),
    repost_of: i.repostOf ?? null,
    created_by: i.createdBy,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

export interface AttachmentMeta {
  id: string;
  itemId: string;
  fileName: string;
  contentType: string;
  size: number;
  textContent: string;
}

export const catalogStore = {
  async columns(db: Queryable, agencyId: string): Promise<Column[]> {
    const rows = await db
      .selectFrom('catalog_columns')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('sort_order')
      .execute();
    return rows.map(toColumn);
  },
  async columnById(db: Queryable, id: string): Promise<Column | undefined> {
    const r = await db.selectFrom('catalog_columns').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toColumn(r);
  },
  async columnByCode(db: Queryable, agencyId: string, code: string): Promise<Column | undefined> {
    const r = await db
      .selectFrom('catalog_columns')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('code', '=', code)
      .executeTakeFirst();
    return r && toColumn(r);
  },
  async insertColumn(db: Queryable, c: Column): Promise<void> {
    await db
      .insertInto('catalog_columns')
      .values({
        id: c.id,
        agency_id: c.agencyId,
        parent_id: c.parentId,
        code: c.code,
        name: c.name,
        kind: c.kind,
        article_item: c.articleItem,
        sort_order: c.sortOrder,
      })
      .execute();
  },
  async updateColumn(db: Queryable, id: string, name: string, sortOrder: number): Promise<void> {
    await db
      .updateTable('catalog_columns')
      .set({ name, sort_order: sortOrder })
      .where('id', '=', id)
      .execute();
  },
  /** Published-item counts per column of an agency, for navigation that hides empty columns. */
  async publishedCounts(db: Queryable, agencyId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('catalog_items')
      .select(['column_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .groupBy('column_id')
      .execute();
    return new Map(rows.map((r) => [r.column_id, Number(r.n)]));
  },

  async indexTemplate(db: Queryable, agencyId: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('catalog_settings')
      .select('index_template')
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return r?.index_template;
  },
  async reviewLevels(db: Queryable, agencyId: string): Promise<number> {
    const r = await db
      .selectFrom('catalog_settings')
      .select('review_levels')
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return Number(r?.review_levels ?? 1);
  },
  async setReviewLevels(db: Queryable, agencyId: string, levels: number, template: string): Promise<void> {
    const updated = await db
      .updateTable('catalog_settings')
      .set({ review_levels: levels })
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto('catalog_settings')
        .values({
          agency_id: agencyId,
          index_template: template,
          sensitive_words: '[]',
          review_levels: levels,
        })
        .execute();
  },
  async sensitiveWords(db: Queryable, agencyId: string): Promise<string[]> {
    const r = await db
      .selectFrom('catalog_settings')
      .select('sensitive_words')
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return r ? (JSON.parse(r.sensitive_words) as string[]) : [];
  },
  async setSensitiveWords(db: Queryable, agencyId: string, words: string[], template: string): Promise<void> {
    const updated = await db
      .updateTable('catalog_settings')
      .set({ sensitive_words: JSON.stringify(words) })
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto('catalog_settings')
        .values({
          agency_id: agencyId,
          index_template: template,
          sensitive_words: JSON.stringify(words),
          review_levels: 1,
        })
        .execute();
  },
  async setIndexTemplate(db: Queryable, agencyId: string, template: string): Promise<void> {
    const updated = await db
      .updateTable('catalog_settings')
      .set({ index_template: template })
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto('catalog_settings')
        .values({ agency_id: agencyId, index_template: template, sensitive_words: '[]', review_levels: 1 })
        .execute();
  },
  /** Takes the next sequence number of a scope; the counter only goes up (never reused). */
  async nextSeq(db: Queryable, agencyId: string, scope: string): Promise<number> {
    const r = await db
      .updateTable('catalog_index_counters')
      .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
      .where('agency_id', '=', agencyId)
      .where('scope', '=', scope)
      .returning('last_seq')
      .executeTakeFirst();
    if (r) return Number(r.last_seq);
    await db
      .insertInto('catalog_index_counters')
      .values({ agency_id: agencyId, scope, last_seq: 1 })
      .execute();
    return 1;
  },

  async itemById(db: Queryable, id: string): Promise<Item | undefined> {
    const r = await db.selectFrom('catalog_items').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toItem(r);
  },
  async itemsByIds(db: Queryable, ids: readonly string[]): Promise<Item[]> {
    if (!ids.length) return [];
    const rows = await db
      .selectFrom('catalog_items')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, toItem(r)]));
    return ids.map((id) => byId.get(id)).filter((x): x is Item => !!x);
  },
  async insertItem(db: Queryable, i: Item): Promise<void> {
    await db.insertInto('catalog_items').values(itemRow(i)).execute();
  },
  async updateItem(db: Queryable, i: Item): Promise<void> {
    const { id, ...rest } = itemRow(i);
    await db.updateTable('catalog_items').set(rest).where('id', '=', id).execute();
  },
  async addRevision(
    db: Queryable,
    r: { itemId: string; revision: number; at: string; actorLabel: string; note: string; snapshot: Item },
  ): Promise<void> {
    await db
      .insertInto('catalog_revisions')
      .values({
        item_id: r.itemId,
        revision: r.revision,
        at: r.at,
        actor_label: r.actorLabel,
        note: r.note,
        snapshot: JSON.stringify(r.snapshot),
      })
      .execute();
  },
  async revisions(db: Queryable, itemId: string) {
    return db
      .selectFrom('catalog_revisions')
      .select(['revision', 'at', 'actor_label', 'note'])
      .where('item_id', '=', itemId)
      .orderBy('revision', 'desc')
      .execute();
  },

  /** Published items of some columns (or a whole agency), newest first. */
  async published(
    db: Queryable,
    f: { agencyId?: string; columnIds?: readonly string[]; limit: number; offset?: number },
  ): Promise<Item[]> {
    let q = db.selectFrom('catalog_items').where('status', '=', 'published');
    if (f.agencyId) q = q.where('agency_id', '=', f.agencyId);
    if (f.columnIds) q = q.where('column_id', 'in', f.columnIds.length ? [...f.columnIds] : ['']);
    const rows = await q
      .selectAll()
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset ?? 0)
      .execute();
    return rows.map(toItem);
  },
  /** Items for the admin list, in the user's scope. */
  async forAdmin(
    db: Queryable,
    f: { agencyIds: readonly string[]; status?: ItemStatus; limit: number; offset: number },
  ): Promise<{ items: Item[]; total: number }> {
    if (!f.agencyIds.length) return { items: [], total: 0 };
    let q = db.selectFrom('catalog_items').where('agency_id', 'in', [...f.agencyIds]);
    if (f.status) q = q.where('status', '=', f.status);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('updated_at', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return { items: rows.map(toItem), total: Number(count?.n ?? 0) };
  },
  async interpretationsOf(db: Queryable, documentId: string): Promise<Item[]> {
    const rows = await db
      .selectFrom('catalog_items')
      .selectAll()
      .where('interprets_id', '=', documentId)
      .where('status', 'in', ['submitted', 'published'])
      .execute();
    return rows.map(toItem);
  },

  async insertAttachment(
    db: Queryable,
    a: AttachmentMeta & { data: Buffer; createdAt: string },
  ): Promise<void> {
    await db
      .insertInto('catalog_attachments')
      .values({
        id: a.id,
        item_id: a.itemId,
        file_name: a.fileName,
        content_type: a.contentType,
        size: a.size,
        content: a.data,
        text_content: a.textContent,
        removed: 0,
        created_at: a.createdAt,
      })
      .execute();
  },
  async attachments(db: Queryable, itemId: string): Promise<AttachmentMeta[]> {
    const rows = await db
      .selectFrom('catalog_attachments')
      .select(['id', 'item_id', 'file_name', 'content_type', 'size', 'text_content'])
      .where('item_id', '=', itemId)
      .where('removed', '=', 0)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      itemId: r.item_id,
      fileName: r.file_name,
      contentType: r.content_type,
      size: Number(r.size),
      textContent: r.text_content,
    }));
  },
  async attachmentContent(db: Queryable, id: string) {
    const r = await db
      .selectFrom('catalog_attachments')
      .select(['id', 'item_id', 'file_name', 'content_type', 'content', 'removed'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r;
  },
  /** Attachments are kept for the revision history; removal hides them from the current version. */
  async removeAttachment(db: Queryable, id: string): Promise<void> {
    await db.updateTable('catalog_attachments').set({ removed: 1 }).where('id', '=', id).execute();
  },
  /** Published items of an agency for its sitemap, newest first: id and last change. */
  async publishedItemDates(db: Queryable, agencyId: string, limit: number) {
    return db
      .selectFrom('catalog_items')
      .select(['id', 'updated_at'])
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .limit(limit)
      .execute();
  },
  /** Ids of an agency's normative documents not withdrawn, newest first. */
  async normativeItemIds(db: Queryable, agencyId: string, limit: number) {
    return db
      .selectFrom('catalog_items')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('normative', '=', 1)
      .where('status', '!=', 'withdrawn')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  },
  /** Document numbers (文号) already used by an agency's items not withdrawn. */
  async docNumbers(db: Queryable, agencyId: string) {
    return db
      .selectFrom('catalog_items')
      .select('doc_no')
      .where('agency_id', '=', agencyId)
      .where('doc_no', '!=', '')
      .where('status', '!=', 'withdrawn')
      .execute();
  },
  /** The published repost (转载) of `originalId` by an agency, if any. */
  async publishedRepostOf(db: Queryable, originalId: string, agencyId: string) {
    return db
      .selectFrom('catalog_items')
      .select('id')
      .where('repost_of', '=', originalId)
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .executeTakeFirst();
  },
  /** Withdraws the published reposts of an item with it. */
  async withdrawReposts(db: Queryable, originalId: string, reason: string, at: string): Promise<void> {
    await db
      .updateTable('catalog_items')
      .set({ status: 'withdrawn', withdraw_reason: reason, updated_at: at })
      .where('repost_of', '=', originalId)
      .where('status', '=', 'published')
      .execute();
  },
  /** Whether a subject code (主题分类) exists. */
  async subjectExists(db: Queryable, code: string): Promise<boolean> {
    const s = await db
      .selectFrom('catalog_subjects')
      .select('code')
      .where('code', '=', code)
      .executeTakeFirst();
    return !!s;
  },
  /** The agency a standard-catalog entry belongs to. */
  async standardEntryAgency(db: Queryable, id: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('catalog_standard_entries')
      .select('agency_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.agency_id;
  },
  /**
   * Up to `limit` published items of a column older than `before` (or newer than `after` when `backwards`),
   * in the keyset order (published_at, id).
   */
  async publishedKeys(
    db: Queryable,
    columnId: string,
    cursor: { at: string; id: string } | undefined,
    backwards: boolean,
    limit: number,
  ) {
    let q = db
      .selectFrom('catalog_items')
      .select(['id', 'published_at'])
      .where('column_id', '=', columnId)
      .where('status', '=', 'published');
    // A row-value comparison is one range seek in the index on SQLite and PostgreSQL alike (an OR of
    // the two parts makes SQLite walk the column from its newest item down to the cursor).
    if (cursor)
      q = q.where((eb) =>
        eb(eb.refTuple('published_at', 'id'), backwards ? '>' : '<', eb.tuple(cursor.at, cursor.id)),
      );
    return q
      .orderBy('published_at', backwards ? 'asc' : 'desc')
      .orderBy('id', backwards ? 'asc' : 'desc')
      .limit(limit)
      .execute();
  },
  /** The standard-catalog entries (标准目录) of an agency, in their order. */
  async standardEntryRows(db: Queryable, agencyId: string) {
    return db
      .selectFrom('catalog_standard_entries')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('sort_order')
      .execute();
  },
  async insertStandardEntry(db: Queryable, row: Insertable<CatalogStandardEntryTable>): Promise<void> {
    await db.insertInto('catalog_standard_entries').values(row).execute();
  },
};
