/**
 * Use case: a township (or county) adopts the basic-level standard catalog template (国办发〔2019〕54号),
 * becoming the 公开主体 of each entry; items then name the entry they fulfil. Adopting twice changes nothing.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import { can } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { DomainError, forbidden, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { catalogStore } from '../catalog.store.js';
import { standardCatalogTemplate } from '../data/standard-catalog.js';

export interface StandardEntry {
  id: string;
  domainCode: string;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  timeLimit: string;
  subject: string;
  channels: string[];
  audience: string;
  mode: string;
  tier: string;
}

export async function standardEntries(db: Queryable, agencyId: string): Promise<StandardEntry[]> {
  const rows = await catalogStore.standardEntryRows(db, agencyId);
  return rows.map((r) => ({
    id: r.id,
    domainCode: r.domain_code,
    level1: r.level1,
    level2: r.level2,
    content: r.content,
    basis: r.basis,
    timeLimit: r.time_limit,
    subject: r.subject,
    channels: JSON.parse(r.channels) as string[],
    audience: r.audience,
    mode: r.mode,
    tier: r.tier,
  }));
}

export async function adoptStandardCatalog(ctx: AppContext, actor: Actor, agencyId: string): Promise<number> {
  const all = await agenciesStore.all(ctx.db);
  const agency = all.find((a) => a.id === agencyId);
  if (!agency) throw notFound('该机关');
  if (!can(actor, 'catalog.manage', agencyId, all)) throw forbidden('您无权管理该机关的公开目录。');
  if (!['county', 'township', 'street'].includes(agency.level))
    throw new DomainError(
      'catalog.not_basic_level',
      '基层政务公开标准目录适用于县级人民政府和乡镇（街道）。',
    );
  if ((await standardEntries(ctx.db, agencyId)).length) return 0;
  const template = standardCatalogTemplate();
  await ctx.db.transaction().execute(async (tx) => {
    let order = 0;
    for (const t of template) {
      await catalogStore.insertStandardEntry(tx, {
        id: newId(),
        agency_id: agencyId,
        domain_code: t.domainCode,
        level1: t.level1,
        level2: t.level2,
        content: t.content,
        basis: t.basis,
        time_limit: t.timeLimit,
        subject: agency.name,
        channels: JSON.stringify(t.channels),
        audience: t.audience,
        mode: t.mode,
        tier: agency.level === 'county' ? '县级' : t.tier,
        sort_order: (order += 10),
      });
    }
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'agency',
      entityId: agencyId,
      action: 'catalog.standard_catalog_adopted',
      data: { entries: template.length },
    });
  });
  return template.length;
}
