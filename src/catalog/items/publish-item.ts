/**
 * Use case: a reviewer publishes a submitted item (保密审查). The checks are shown first; blocking ones stop
 * publication, the others must each be confirmed. The system records the publication date (a typed, possibly
 * falsified 发布日期 fails a site inspection), issues the index number, and flags Art. 26 lateness.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import type { Actor } from '../../platform/actor.js';
import { legalDayOf, legalToday } from '../../calendar/legal-day.js';
import type { WorkCalendar } from '../../calendar/work-calendar.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { calendarOf, itemForAction } from '../catalog-access.js';
import { requireNewReviewer } from './approve-item.js';
import { catalogStore } from '../catalog.store.js';
import { forgetColumnsCache } from '../portal/portal-data.js';
import { defaultIndexTemplate, indexScope, renderIndexNumber } from './index-number.js';
import { canMove, itemStatusLabel, type Item } from './item.js';
import { prepublicationChecks, type CheckFinding } from './prepublication.js';
import { bodyText } from './sanitize.js';
import { catalogSearch } from '../search-port.js';
import { checkNoticeEnd } from './notice-periods.job.js';
import { registerDocument } from '../registry/register-document.js';
import { registryStore } from '../registry/registry.store.js';
import { siteStore } from '../site/site.store.js';
import { art26Timeliness } from './timeliness.js';

/** The pre-publication findings of an item as it stands. */
export async function checksOf(db: Queryable, item: Item): Promise<CheckFinding[]> {
  const [attachments, interpretations, sensitiveWords, register, agency] = await Promise.all([
    catalogStore.attachments(db, item.id),
    item.normative ? catalogStore.interpretationsOf(db, item.id) : Promise.resolve([]),
    catalogStore.sensitiveWords(db, item.agencyId),
    siteStore.names(db, item.agencyId),
    agenciesStore.byId(db, item.agencyId),
  ]);
  // The name check runs once the agency has filled its register; its own name is then always on it.
  const names =
    register.leaders.length || register.agencies.length
      ? {
          leaders: register.leaders,
          agencies: [...new Set([agency?.name ?? '', ...register.agencies])].filter(Boolean),
        }
      : undefined;
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
    names,
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

async function issueIndexNumber(db: Queryable, agency: Agency, day: string): Promise<string> {
  const template = (await catalogStore.indexTemplate(db, agency.id)) ?? defaultIndexTemplate;
  const c = { creditCode: agency.creditCode, day };
  const seq = await catalogStore.nextSeq(db, agency.id, indexScope(template, c));
  return renderIndexNumber(template, c, seq);
}

interface PublishOptions {
  /** Last day of a notice period (公示): the item comes down after it (notice-periods.ts). */
  noticeEndsOn?: string | null;
}

export async function publishItem(
  ctx: AppContext,
  actor: Actor,
  itemId: string,
  acknowledged: readonly string[] = [],
  options: PublishOptions = {},
): Promise<{ indexNo: string; late: boolean; registrationNo: string | null }> {
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
  const noticeEndsOn = checkNoticeEnd(options.noticeEndsOn, legalToday(ctx));
  const calendar = await calendarOf(ctx, agency);
  return ctx.db
    .transaction()
    .execute(async (tx) => {
      const { item: published, registrationNo } = await recordPublication(tx, ctx, actor, item, agency, {
        acknowledged,
        calendar,
        noticeEndsOn,
      });
      return { indexNo: published.indexNo!, late: published.late, registrationNo };
    })
    .finally(() => forgetColumnsCache(ctx.db));
}

/**
 * Publishes a cleared item inside the caller's transaction: the publication day and instant come from the
 * clock, the index number from the agency's rule, a normative document is registered (统一登记) and a notice
 * period recorded (the editor's review and the bulk import share this). The calendar is loaded by the caller
 * before the transaction opens.
 */
export async function recordPublication(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  item: Item,
  agency: Agency,
  how: { acknowledged: readonly string[]; calendar: WorkCalendar; noticeEndsOn?: string | null },
): Promise<{ item: Item; registrationNo: string | null }> {
  const now = ctx.now().toISOString();
  const publishedOn = legalDayOf(now);
  const noticeEndsOn = how.noticeEndsOn ?? null;
  const timely = item.writtenOn ? art26Timeliness(how.calendar, item.writtenOn, publishedOn) : null;
  const indexNo = item.indexNo ?? (await issueIndexNumber(tx, agency, publishedOn));
  const registration = item.normative ? await registerDocument(tx, agency, item, publishedOn) : null;
  if (noticeEndsOn) await registryStore.putNoticePeriod(tx, item.id, item.agencyId, noticeEndsOn);
  const published: Item = {
    ...item,
    expiresOn: registration?.expiresOn ?? item.expiresOn,
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
    at: ctx.now(),
    actor,
    agencyId: item.agencyId,
    entityType: 'catalog_item',
    entityId: item.id,
    action: 'catalog.item_published',
    data: {
      indexNo,
      acknowledged: [...how.acknowledged],
      late: published.late,
      spanWorkdays: published.spanWorkdays,
      ...(registration && { registrationNo: registration.registrationNo, expiresOn: published.expiresOn }),
      ...(noticeEndsOn && { noticeEndsOn }),
    },
  });
  return { item: published, registrationNo: registration?.registrationNo ?? null };
}
