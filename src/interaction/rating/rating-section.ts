/** Portal nav: the organiser's site shows 社会评议 only while a campaign is open. */
import { toLegalDay } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { ratingsStore } from './ratings.store.js';

export async function ratingSection(ctx: AppContext, a: { id: string; pathSegment: string }) {
  const open = await ratingsStore.openPublic(ctx.db, a.id, toLegalDay(ctx.now().toISOString()));
  return open.length ? [{ href: `/${a.pathSegment}/pingyi/`, label: '社会评议' }] : [];
}
