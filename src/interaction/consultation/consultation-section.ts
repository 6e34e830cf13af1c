/** Portal nav: 征集调查 shows on an agency's site once it has a consultation that has started. */
import { legalToday } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { consultationsStore } from './consultations.store.js';

export async function consultationSection(ctx: AppContext, a: { id: string; pathSegment: string }) {
  const today = legalToday(ctx);
  return (await consultationsStore.anyStarted(ctx.db, a.id, today))
    ? [{ href: `/${a.pathSegment}/zjdc/`, label: '征集调查' }]
    : [];
}
