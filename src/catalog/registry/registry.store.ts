/** Kysely queries of the normative-document registry (with documents entered from before it) and notice periods. */
import type { Insertable } from 'kysely';
import type { Queryable } from '../../platform/db/database.js';
import type { CatalogPriorDocumentTable } from '../catalog.schema.js';

export const registryStore = {
  async settings(db: Queryable, agencyId: string) {
    return db
      .selectFrom('catalog_registry_settings')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
  },
  async putSettings(db: Queryable, agencyId: string, template: string, rulesJson: string): Promise<void> {
    const updated = await db
      .updateTable('catalog_registry_settings')
      .set({ registration_template: template, validity_rules: rulesJson })
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto('catalog_registry_settings')
        .values({ agency_id: agencyId, registration_template: template, validity_rules: rulesJson })
        .execute();
  },
  async insertRegistration(
    db: Queryable,
    r: { itemId: string; agencyId: string; registrationNo: string; registeredOn: string },
  ): Promise<void> {
    await db
      .insertInto('catalog_registrations')
      .values({
        item_id: r.itemId,
        agency_id: r.agencyId,
        registration_no: r.registrationNo,
        registered_on: r.registeredOn,
        expiry_alerted_on: null,
      })
      .execute();
  },
  async registrationOf(db: Queryable, itemId: string) {
    return db
      .selectFrom('catalog_registrations')
      .selectAll()
      .where('item_id', '=', itemId)
      .executeTakeFirst();
  },
  /** Registered documents in force whose 有效期至 is on or before `until` (reminders and the admin list). */
  async inForceExpiringBy(db: Queryable, until: string, agencyIds?: readonly string[]) {
    let q = db
      .selectFrom('catalog_registrations as r')
      .innerJoin('catalog_items as i', 'i.id', 'r.item_id')
      .select([
        'i.id',
        'i.agency_id',
        'i.title',
        'i.doc_no',
        'i.expires_on',
        'r.registration_no',
        'r.expiry_alerted_on',
      ])
      .where('i.status', '=', 'published')
      .where('i.validity', '=', 'in_force')
      .where('i.expires_on', 'is not', null)
      .where('i.expires_on', '<=', until);
    if (agencyIds) {
      if (!agencyIds.length) return [];
      q = q.where('i.agency_id', 'in', [...agencyIds]);
    }
    return q.orderBy('i.expires_on').execute();
  },
  async markAlerted(db: Queryable, itemId: string, day: string): Promise<void> {
    await db
      .updateTable('catalog_registrations')
      .set({ expiry_alerted_on: day })
      .where('item_id', '=', itemId)
      .execute();
  },
  /** Registration numbers by item, for the registry pages. */
  async numbersOf(db: Queryable, itemIds: readonly string[]): Promise<Map<string, string>> {
    if (!itemIds.length) return new Map();
    const rows = await db
      .selectFrom('catalog_registrations')
      .select(['item_id', 'registration_no'])
      .where('item_id', 'in', [...itemIds])
      .execute();
    return new Map(rows.map((r) => [r.item_id, r.registration_no]));
  },

  async insertPriorDocument(db: Queryable, row: Insertable<CatalogPriorDocumentTable>): Promise<void> {
    await db.insertInto('catalog_prior_documents').values(row).execute();
  },
  async priorDocument(db: Queryable, id: string) {
    return db.selectFrom('catalog_prior_documents').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async priorDocumentByDocNo(db: Queryable, agencyId: string, docNo: string) {
    return db
      .selectFrom('catalog_prior_documents')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('doc_no', '=', docNo)
      .executeTakeFirst();
  },
  /** Entered documents of agencies, published by `until` when given (the annual report's counts). */
  async priorDocumentsOf(db: Queryable, agencyIds: readonly string[], until?: string) {
    if (!agencyIds.length) return [];
    let q = db
      .selectFrom('catalog_prior_documents')
      .selectAll()
      .where('agency_id', 'in', [...agencyIds]);
    if (until) q = q.where('published_on', '<=', until);
    return q.orderBy('published_on', 'desc').orderBy('doc_no').execute();
  },
  /** Whether the agency has entered any earlier document at all. */
  async anyPriorDocument(db: Queryable, agencyId: string): Promise<boolean> {
    const r = await db
      .selectFrom('catalog_prior_documents')
      .select('id')
      .where('agency_id', '=', agencyId)
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  },
  /** Whether the agency had entered any earlier document by the instant `before` (its register's start). */
  async anyPriorDocumentEnteredBefore(db: Queryable, agencyId: string, before: string): Promise<boolean> {
    const r = await db
      .selectFrom('catalog_prior_documents')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('created_at', '<', before)
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  },
  async repealPriorDocument(db: Queryable, id: string, repealedOn: string, at: string): Promise<void> {
    await db
      .updateTable('catalog_prior_documents')
      .set({ repealed_on: repealedOn, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  async putNoticePeriod(db: Queryable, itemId: string, agencyId: string, endsOn: string): Promise<void> {
    await db
      .insertInto('catalog_notice_periods')
      .values({ item_id: itemId, agency_id: agencyId, ends_on: endsOn, ended_at: null })
      .execute();
  },
  async noticePeriodOf(db: Queryable, itemId: string) {
    return db
      .selectFrom('catalog_notice_periods')
      .selectAll()
      .where('item_id', '=', itemId)
      .executeTakeFirst();
  },
  /** Notice periods still running whose last day is before `today`. */
  async noticePeriodsOver(db: Queryable, today: string) {
    return db
      .selectFrom('catalog_notice_periods')
      .selectAll()
      .where('ended_at', 'is', null)
      .where('ends_on', '<', today)
      .orderBy('ends_on')
      .execute();
  },
  async endNoticePeriod(db: Queryable, itemId: string, at: string): Promise<void> {
    await db
      .updateTable('catalog_notice_periods')
      .set({ ended_at: at })
      .where('item_id', '=', itemId)
      .execute();
  },
  /** Dates of the published normative documents of agencies, published by `lastDay`. */
  async normativeDatesOf(db: Queryable, agencyIds: readonly string[], lastDay: string) {
    return db
      .selectFrom('catalog_items')
      .select(['agency_id', 'published_on', 'repealed_on', 'expires_on'])
      .where('agency_id', 'in', [...agencyIds])
      .where('normative', '=', 1)
      .where('status', '=', 'published')
      .where('published_on', '<=', lastDay)
      .execute();
  },
  /** Registry list of an agency (published normative documents), newest first. */
  async publishedNormative(db: Queryable, agencyId: string) {
    return db
      .selectFrom('catalog_items')
      .select([
        'id',
        'title',
        'doc_no',
        'issuer',
        'published_on',
        'validity',
        'repealed_on',
        'expires_on',
        'index_no',
      ])
      .where('agency_id', '=', agencyId)
      .where('normative', '=', 1)
      .where('status', '=', 'published')
      .orderBy('published_on', 'desc')
      .execute();
  },
  /** Some normative document of an agency published by `lastDay`, if any. */
  async anyNormativePublishedBy(db: Queryable, agencyId: string, lastDay: string) {
    return db
      .selectFrom('catalog_items')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('normative', '=', 1)
      .where('status', '=', 'published')
      .where('published_on', '<=', lastDay)
      .limit(1)
      .executeTakeFirst();
  },
};
