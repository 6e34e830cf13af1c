/**
 * The registry's daily sweep: a reminder event for each document in force entering the 6-month window before
 * its 有效期至 (once per document; the admin list shows the same window), and automatic expiry of documents
 * whose 有效期至 is past — stamped on the original page like a repeal, dated the day after 有效期至.
 */
import { systemActor } from '../../platform/actor.js';
import { legalDayOf } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { catalogStore } from '../catalog.store.js';
import { addCalendarDays } from '../../calendar/dates.js';
import { expiredOn, expiryAlertDue, expiryAlertQueryBound } from './normative-rules.js';
import { registryStore } from './registry.store.js';
import { forgetColumnsCache } from '../portal/portal-data.js';
import { stampEnded } from '../items/repeal-item.js';

export async function sweepRegistry(ctx: AppContext): Promise<{ reminded: number; expired: number }> {
  const now = ctx.now().toISOString();
  const today = legalDayOf(now);
  const actor = systemActor('规范性文件到期处理');
  let expired = 0;
  for (const d of await registryStore.inForceExpiringBy(ctx.db, addCalendarDays(today, -1))) {
    await ctx.db.transaction().execute(async (tx) => {
      const item = await catalogStore.itemById(tx, d.id);
      if (item?.status !== 'published' || item.validity !== 'in_force' || !item.expiresOn) return;
      await stampEnded(tx, now, actor, item, 'expired', expiredOn(item.expiresOn), '有效期届满，自动失效');
      expired++;
    });
  }
  if (expired) await forgetColumnsCache(ctx.db);
  let reminded = 0;
  const window = await registryStore.inForceExpiringBy(ctx.db, expiryAlertQueryBound(today));
  for (const d of window.filter((x) => !x.expiry_alerted_on && expiryAlertDue(x.expires_on!, today))) {
    await ctx.db.transaction().execute(async (tx) => {
      await registryStore.markAlerted(tx, d.id, today);
      await appendEvent(tx, {
        at: ctx.now(),
        actor,
        agencyId: d.agency_id,
        entityType: 'catalog_item',
        entityId: d.id,
        action: 'catalog.normative_expiry_reminder',
        data: { expiresOn: d.expires_on, registrationNo: d.registration_no, title: d.title },
      });
    });
    reminded++;
  }
  return { reminded, expired };
}
