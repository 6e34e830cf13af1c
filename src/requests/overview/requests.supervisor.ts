/**
 * What a supervising office (主管部门, e.g. a county government office over its townships) sees of 依申请公开:
 * per agency in the user's scope, this year's received cases, open cases, due within 5 working days, overdue,
 * and the share of this year's replies sent on time. Figures only: counted in SQL, no personal data.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { scopeOf, type Action } from '../../access/permissions.js';
import { type Actor } from '../../platform/actor.js';
import { dayNumber, isoDateOf } from '../../calendar/dates.js';
import type { AppContext } from '../../platform/context.js';
import { todayOf } from '../actions/case-action.js';
import { calendarFor } from '../calendar-for.js';
import { requestFiguresStore } from './request-figures.store.js';

/** Who sees an agency's figures: anyone working its cases, and its supervisors (reports.supervise scope). */
const OVERSIGHT: readonly Action[] = [
  'requests.handle',
  'requests.review',
  'requests.approve',
  'reports.supervise',
];

async function requestOversightScope(ctx: AppContext, actor: Actor): Promise<Agency[]> {
  const all = await agenciesStore.all(ctx.db);
  const ids = new Set<string>();
  for (const a of OVERSIGHT) for (const id of scopeOf(actor, a, all)) ids.add(id);
  return all.filter((a) => ids.has(a.id));
}

interface AgencyFigures {
  agency: Agency;
  received: number;
  open: number;
  dueSoon: number;
  overdue: number;
  replied: number;
  repliedOnTime: number;
  /** Percentage of this year's replies sent by their due date; null when none were sent. */
  onTimePercent: number | null;
}

export async function requestFigures(
  ctx: AppContext,
  actor: Actor,
): Promise<{ year: number; today: string; figures: AgencyFigures[] }> {
  const agencies = await requestOversightScope(ctx, actor);
  const today = todayOf(ctx);
  const year = Number(today.slice(0, 4));
  const soon = isoDateOf((await calendarFor(ctx, { calendarRegion: null })).addN(dayNumber(today), 5));
  if (agencies.length === 0) return { year, today, figures: [] };
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await requestFiguresStore.countsByAgency(
    ctx.db,
    agencies.map((a) => a.id),
    { from, to, today, soon },
  );
  const by = new Map(rows.map((r) => [r.agency_id, r]));
  const figures = agencies.map((agency) => {
    const r = by.get(agency.id);
    const replied = Number(r?.replied ?? 0);
    const repliedOnTime = Number(r?.on_time ?? 0);
    return {
      agency,
      received: Number(r?.received ?? 0),
      open: Number(r?.open ?? 0),
      dueSoon: Number(r?.due_soon ?? 0),
      overdue: Number(r?.overdue ?? 0),
      replied,
      repliedOnTime,
      onTimePercent: replied ? Math.round((1000 * repliedOnTime) / replied) / 10 : null,
    };
  });
  return { year, today, figures };
}
