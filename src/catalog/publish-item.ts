/**
 * Use case: a reviewer publishes a submitted item (保密审查). The checks are shown first; blocking ones stop
 * publication, the others must each be confirmed. The system records the publication date (a typed, possibly
 * falsified 发布日期 fails a site inspection), issues the index number, and flags Art. 26 lateness.
 */
import type { Agency } from '../agencies/agency.js';
import type { Actor } from '../agencies/permissions.js';
import { legalDayOf } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import type { Queryable } from '../platform/db/database.js';
import { DomainError } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { calendarOf, itemForAction } from './catalog-access.js';
import { requireNewReviewer } from './approve-item.js';
import { catalogStore } from './catalog.store.js';
import { forgetColumnsCache } from './portal-data.js';
import { defaultIndexTemplate, indexScope, renderIndexNumber } from './index-number.js';
import { canMove, itemStatusLabel, type Item } from './item.js';
import { prepublicationChecks, type CheckFinding } from './prepublication.js';
import { bodyText } from './sanitize.js';
import { catalogSearch } from './search-port.js';
import { art26Timeliness } from './timeliness.js';

/** The pre-publication findings of an item as it stands. */
export async function checksOf(db: Queryable, item: Item): Promise<CheckFinding[]> {
  const [attachments, interpretations, sensitiveWords] = await Promise.all([
    catalogStore.attachments(db, item.id),
    item.normative ? catalogStore.interpretationsOf(db, item.id) : Promise.resolve([]),
    catalogStore.sensitiveWords(db, item.agencyId),
  ]);
  return prepublicationChecks({
    title: item.title,
    summary: item.summary,
    issuer: item.issuer,
    writtenOn: item.writtenOn,
    bodyText: bodyText(item.bodyHtml),
    attachments: attachments.map((a) => ({ fileName: a.fileName, text: a.textContent })),
    normative: item.normative,
    interpretationCount: interpretations.length,
    interpretationExemption: item.interpretationExemption,
    sensitiveWords,
  });
}

/** Throws unless every blocking finding is absent and every other finding is confirmed. */
export function requireCleared(findings: CheckFinding[], acknowledged: readonly string[]): void {
  const blocking = findings.filter((f) => f.blocking);
  if (blocking.length)
    throw new DomainError('catalog.checks_blocking', blocking.map((f) => f.message).join(' '), {
      checks: blocking.map((f) => f.message).join(' '),
    });
  const unconfirmed = findings.filter((f) => !acknowledged.includes(f.code));
  if (unconfirmed.length)
    throw new DomainError(
      'catalog.checks_unconfirmed',
      '发布前检查发现需要确认的问题，请逐项核实并勾选确认后再发布。',
      { acknowledge: unconfirmed.map((f) => f.message).join(' ') },
    );
}

export async function issueIndexNumber(db: Queryable, agency: Agency, day: string): Promise<string> {
  const template = (await catalogStore.indexTemplate(db, agency.id)) ?? defaultIndexTemplate;
  const c = { creditCode: agency.creditCode, day };
  const seq = await catalogStore.nextSeq(db, agency.id, indexScope(template, c));
  return renderIndexNumber(template, c, seq);
}

export async function publishItem(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  acknowledged: readonly string[] = [],
): Promise<{ indexNo: string; late: boolean }> {
  const { item, agency } = await itemForAction(ctx, ctx.db, actor, itemId, 'catalog.publish');
  if (!canMove(item.status, 'publish'))
    throw new DomainError(
      'catalog.transition_refused',
      `“${itemStatusLabel[item.status]}”状态的条目不能发布，请先送审。`,
    );
  const levels = await catalogStore.reviewLevels(ctx.db, item.agencyId);
  if (item.approvals.length < levels - 1)
    throw new DomainError(
      'catalog.review_pending',
      `本机关实行 ${levels} 级审核，该条目已通过 ${item.approvals.length} 级，请先完成前几级审核。`,
    );
  requireNewReviewer(item, actor);
  requireCleared(await checksOf(ctx.db, item), acknowledged);
  return ctx.db
    .transaction()
    .execute(async (tx) => {
      const published = await recordPublication(tx, ctx, actor, item, agency, acknowledged);
      return { indexNo: published.indexNo!, late: published.late };
    })
    .finally(() => forgetColumnsCache(item.agencyId));
}

/**
 * Publishes a cleared item inside the caller's transaction: the publication day and instant come from the
 * clock, the index number from the agency's rule (the editor's review and the bulk import share this).
 */
export async function recordPublication(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  item: Item,
  agency: Agency,
  acknowledged: readonly string[],
): Promise<Item> {
  const now = ctx.now().toISOString();
  const publishedOn = legalDayOf(now);
  const timely = item.writtenOn ? art26Timeliness(calendarOf(agency), item.writtenOn, publishedOn) : null;
  const indexNo = item.indexNo ?? (await issueIndexNumber(tx, agency, publishedOn));
  const published: Item = {
    ...item,
    status: 'published',
    indexNo,
    publishedOn,
    publishedAt: now,
    spanWorkdays: timely?.spanWorkdays ?? null,
    late: timely?.late ?? false,
    revision: item.revision + 1,
    updatedAt: now,
  };
  await catalogStore.updateItem(tx, published);
  await catalogStore.addRevision(tx, {
    itemId: item.id,
    revision: published.revision,
    at: now,
    actorLabel: actor.label,
    note: '首次发布',
    snapshot: published,
  });
  await catalogSearch.port.indexItem(tx, published);
  await appendEvent(tx, {
    actor,
    agencyId: item.agencyId,
    entityType: 'catalog_item',
    entityId: item.id,
    action: 'catalog.item_published',
    data: {
      indexNo,
      acknowledged: [...acknowledged],
      late: published.late,
      spanWorkdays: published.spanWorkdays,
    },
  });
  return published;
}
