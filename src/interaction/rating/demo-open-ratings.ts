/**
 * Demo always-open ratings of 仲兴乡 over the last six months through the real use cases: disclosure
 * ratings (a trend to look at), one item rated, comments approved, rejected and one still held.
 */
import { systemActor } from '../../platform/actor.js';
import { addCalendarDays } from '../../calendar/dates.js';
import { legalToday } from '../../calendar/legal-day.js';
import { catalogStore } from '../../catalog/catalog.store.js';
import type { DemoAgencyIds } from '../../agencies/demo-loader.js';
import { contextOnDay, type AppContext } from '../../platform/context.js';
import { moderateComment, submitOpenRating } from './open-rating.js';

const at = contextOnDay;

// Scores per month, oldest first: accuracy, timeliness, procedure, institution.
const months: Array<Array<[number, number, number, number]>> = [
  [
    [4, 3, 4, 3],
    [3, 3, 4, 4],
  ],
  [
    [4, 4, 4, 3],
    [5, 3, 4, 4],
  ],
  [
    [4, 4, 5, 4],
    [4, 3, 4, 4],
    [5, 4, 4, 4],
  ],
  [[5, 4, 5, 4]],
  [
    [5, 5, 4, 4],
    [4, 4, 5, 5],
  ],
  [
    [5, 5, 5, 4],
    [5, 4, 5, 5],
  ],
];

export async function loadDemoOpenRatings(ctx: AppContext, ids: DemoAgencyIds): Promise<void> {
  const actor = systemActor('演示数据');
  const zhongxing = ids.zhongxing!;
  const today = legalToday(ctx);
  for (const [i, list] of months.entries()) {
    for (const [j, [a, t, p, s]] of list.entries()) {
      const day = addCalendarDays(today, -30 * (months.length - 1 - i) - j * 3);
      await submitOpenRating(at(ctx, day), zhongxing, {
        accuracy: String(a),
        timeliness: String(t),
        procedure: String(p),
        institution: String(s),
      });
    }
  }
  const good = await submitOpenRating(at(ctx, addCalendarDays(today, -20)), zhongxing, {
    accuracy: '5',
    timeliness: '4',
    procedure: '5',
    institution: '5',
    comment: '惠民政策公开得很及时，村里的补贴名单也能在网上查到。',
  });
  await moderateComment(at(ctx, addCalendarDays(today, -19)), actor, good.ratingId, { decision: 'approve' });
  const off = await submitOpenRating(at(ctx, addCalendarDays(today, -10)), zhongxing, {
    accuracy: '1',
    timeliness: '1',
    procedure: '1',
    institution: '1',
    comment: '出售各类证件，联系电话……',
  });
  await moderateComment(at(ctx, addCalendarDays(today, -9)), actor, off.ratingId, {
    decision: 'reject',
    reason: '广告信息，与政务公开无关',
  });
  await submitOpenRating(at(ctx, addCalendarDays(today, -2)), zhongxing, {
    accuracy: '4',
    timeliness: '3',
    procedure: '4',
    institution: '4',
    comment: '希望财政预决算信息公开得再细一些。',
  });
  const [item] = await catalogStore.published(ctx.db, { agencyId: zhongxing, limit: 1 });
  if (item) {
    await submitOpenRating(at(ctx, today), zhongxing, { useful: 'yes', score: '5' }, item.id);
    await submitOpenRating(
      at(ctx, today),
      zhongxing,
      { useful: 'no', comment: '希望附上办事流程图。' },
      item.id,
    );
  }
}
