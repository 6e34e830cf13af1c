import type { Selectable } from 'kysely';
import type { Queryable } from '../platform/db/database.js';
import type { AgencyTable } from '../platform/db/schema.js';
import type { Agency, AgencyLevel } from './agency.js';
import type { ValidAgencyInput as ValidAgencyFields } from './agency-input.js';

export function toAgency(r: Selectable<AgencyTable>): Agency {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    shortName: r.short_name,
    creditCode: r.credit_code,
    divisionCode: r.division_code,
    level: r.level as AgencyLevel,
    calendarRegion: r.calendar_region,
    pathSegment: r.path_segment,
    supervisorId: r.supervisor_id,
    reconsiderationBody: r.reconsideration_body,
    reconsiderationBodyReason: r.reconsideration_body_reason,
    deliveryMarginDays: r.delivery_margin_days,
    hasRulemakingPower: r.has_rulemaking_power === 1,
    office: {
      name: r.office_name,
      address: r.office_address,
      postcode: r.office_postcode,
      hours: r.office_hours,
      phone: r.office_phone,
      fax: r.office_fax,
      email: r.office_email,
    },
    docNoPrefixes: JSON.parse(r.doc_no_prefixes) as string[],
    sortOrder: r.sort_order,
  };
}

function toRow(a: ValidAgencyFields) {
  return {
    parent_id: a.parentId,
    name: a.name,
    short_name: a.shortName,
    credit_code: a.creditCode,
    division_code: a.divisionCode,
    level: a.level,
    calendar_region: a.calendarRegion,
    path_segment: a.pathSegment,
    supervisor_id: a.supervisorId,
    reconsideration_body: a.reconsiderationBody,
    reconsideration_body_reason: a.reconsiderationBodyReason,
    delivery_margin_days: a.deliveryMarginDays,
    has_rulemaking_power: a.hasRulemakingPower ? 1 : 0,
    office_name: a.office.name,
    office_address: a.office.address,
    office_postcode: a.office.postcode,
    office_hours: a.office.hours,
    office_phone: a.office.phone,
    office_fax: a.office.fax,
    office_email: a.office.email,
    doc_no_prefixes: JSON.stringify(a.docNoPrefixes),
    sort_order: a.sortOrder,
  };
}

export const agenciesStore = {
  async all(db: Queryable): Promise<Agency[]> {
    const rows = await db.selectFrom('agencies').selectAll().orderBy('sort_order').orderBy('name').execute();
    return rows.map(toAgency);
  },

  async byId(db: Queryable, id: string): Promise<Agency | undefined> {
    const r = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toAgency(r);
  },

  async byPathSegment(db: Queryable, segment: string): Promise<Agency | undefined> {
    const r = await db
      .selectFrom('agencies')
      .selectAll()
      .where('path_segment', '=', segment)
      .executeTakeFirst();
    return r && toAgency(r);
  },

  async byCreditCode(db: Queryable, code: string): Promise<Agency | undefined> {
    const r = await db.selectFrom('agencies').selectAll().where('credit_code', '=', code).executeTakeFirst();
    return r && toAgency(r);
  },

  async byName(db: Queryable, name: string): Promise<Agency[]> {
    const rows = await db.selectFrom('agencies').selectAll().where('name', '=', name).execute();
    return rows.map(toAgency);
  },

  async count(db: Queryable): Promise<number> {
    const r = await db
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async insert(db: Queryable, id: string, a: ValidAgencyFields, now: string): Promise<void> {
    await db
      .insertInto('agencies')
      .values({ id, ...toRow(a), created_at: now, updated_at: now })
      .execute();
  },

  async update(db: Queryable, id: string, a: ValidAgencyFields, now: string): Promise<void> {
    await db
      .updateTable('agencies')
      .set({ ...toRow(a), updated_at: now })
      .where('id', '=', id)
      .execute();
  },
};
