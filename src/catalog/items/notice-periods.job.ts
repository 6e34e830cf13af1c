/**
 * Notice periods (公示): an item published for a period comes down when the period is over — the day after
 * its last day — and stays on its page in the public history marked 公示期满 (the page answers 410 with the
 * history, like a withdrawal). Run daily by the `catalog.daily` job.
 */
import { systemActor } from '../../platform/actor.js';
import { isIsoDate } from '../../calendar/dates.js';
import { legalDayOf } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { catalogStore } from '../catalog.store.js';
import { forgetColumnsCache } from '../portal/portal-data.js';
import { registryStore } from '../registry/registry.store.js';
import { catalogSearch } from '../search-port.js';

export const NOTICE_ENDED = '公示期满';

/** The notice period's last day as typed at publication: empty for none, never before the publication day. */
export function checkNoticeEnd(value: string | null | undefined, publishedOn: string): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (!isIsoDate(v)) throw validationFailed({ noticeEndsOn: '公示截止日期应为有效日期，格式如 2026-03-01' });
  if (v < publishedOn)
    throw validationFailed({ noticeEndsOn: `公示截止日期不能早于发布日期（${publishedOn}）` });
  return v;
}

/** Takes down every item whose notice period is over; returns how many. */
export async function endNoticePeriods(ctx: AppContext): Promise<number> {
  const now = ctx.now().toISOString();
  const today = legalDayOf(now);
  const actor = systemActor('公示期满自动撤下');
  let n = 0;
  for (const p of await registryStore.noticePeriodsOver(ctx.db, today)) {
    await ctx.db.transaction().execute(async (tx) => {
      const item = await catalogStore.itemById(tx, p.item_id);
      await registryStore.endNoticePeriod(tx, p.item_id, now);
      if (item?.status !== 'published') return;
      const next = {
        ...item,
        status: 'withdrawn' as const,
        withdrawReason: NOTICE_ENDED,
        revision: item.revision + 1,
        updatedAt: now,
      };
      await catalogStore.updateItem(tx, next);
      await catalogStore.addRevision(tx, {
        itemId: item.id,
        revision: next.revision,
        at: now,
        actorLabel: actor.label,
        note: `${NOTICE_ENDED}（公示截止 ${p.ends_on}）`,
        snapshot: next,
      });
      await catalogSearch.port.removeItem(tx, item.id);
      await appendEvent(tx, {
        at: ctx.now(),
        actor,
        agencyId: item.agencyId,
        entityType: 'catalog_item',
        entityId: item.id,
        action: 'catalog.notice_period_ended',
        data: { endsOn: p.ends_on, indexNo: item.indexNo },
      });
      n++;
    });
    await forgetColumnsCache(ctx.db);
  }
  return n;
}
