/**
 * Use case: save a year's holiday arrangement — the national notice of a year, or a region's own holidays
 * of one calendar year — as a new version (the old ones stay: the history is kept whole). Only platform
 * administrators (`calendar.manage`). The whole input is validated before anything is stored; the change is
 * logged as an event; then the open cases whose due dates depend on the changed days are recomputed.
 */
import { roleAllows } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Tx } from '../platform/db/database.js';
import { DomainError, conflict, forbidden } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { newId } from '../platform/ids.js';
import {
  ARRANGEMENT_FORMAT,
  type ArrangementInput,
  type HolidayArrangement,
  type RegionalOverlay,
  parseArrangementText,
  parseOverlay,
} from './arrangement.js';
import { calendarStore } from './calendar.store.js';
import { yearOf } from './dates.js';
import { invalidateCalendarCache, loadEffectiveCalendarData } from './effective-calendar.js';
import { changedDays } from './recompute.js';
import { type NamedRecomputer, type RecomputeResult, runCaseRecomputers } from './recompute-registry.js';

interface SaveArrangementResult {
  year: number;
  region: string | null;
  version: number;
  /** Days whose listing changed against the effective arrangement before the save. */
  changedDays: string[];
  recomputed: RecomputeResult[];
}

export function mayManageCalendar(actor: Actor): boolean {
  return (
    actor.kind === 'system' ||
    (actor.kind === 'user' && actor.grants.some((g) => roleAllows(g.role, 'calendar.manage')))
  );
}

const invalid = (detail: string) =>
  new DomainError('calendar.arrangement_invalid', `节假日安排文件格式有误：${detail}。未做任何更改。`);

export { type ArrangementInput, parseArrangementInput } from './arrangement.js';

/** Re-validates whatever the caller built (the CLI and the web hand in parsed data; trust neither). */
function validated(input: ArrangementInput): { year: number; region: string | null; data: ArrangementInput } {
  if (input.kind === 'national') {
    const a = parseArrangementText(JSON.stringify(input.arrangement), input.arrangement.source);
    return { year: a.year, region: null, data: { kind: 'national', arrangement: a } };
  }
  const o = parseOverlay(input.overlay, input.overlay.source);
  const years = new Set(o.days.map((d) => yearOf(d.date)));
  if (years.size !== 1) throw invalid('地方节假日安排应恰好包含同一年度的日期');
  return { year: [...years][0]!, region: o.region, data: { kind: 'regional', overlay: o } };
}

/** The days of `region`'s effective overlay in `year`, shaped as an arrangement so changedDays can compare. */
function overlayYear(o: RegionalOverlay | undefined, year: number): HolidayArrangement | undefined {
  if (!o) return undefined;
  return {
    format: ARRANGEMENT_FORMAT,
    year,
    notices: o.notices,
    source: o.source,
    days: o.days.filter((d) => yearOf(d.date) === year),
  };
}

/** Two administrators saving the same year at once: the second gets a clear conflict, not a database error. */
async function inTransaction(ctx: AppContext, fn: (tx: Tx) => Promise<void>): Promise<void> {
  try {
    await ctx.db.transaction().execute(fn);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw conflict('该年度的放假安排刚刚被他人修改，请刷新后重新提交。未做任何更改。');
    }
    throw e;
  }
}

export async function saveArrangement(
  ctx: AppContext,
  actor: Actor,
  input: ArrangementInput,
  meta: { source: string; note?: string },
  /** The platform's due-date recomputers (src/app/recomputers.ts), run after the commit. */
  recomputers: readonly NamedRecomputer[],
): Promise<SaveArrangementResult> {
  if (!mayManageCalendar(actor)) throw forbidden('只有平台管理员可以修改节假日安排。');
  const { year, region, data } = validated(input);
  const before = await loadEffectiveCalendarData(ctx.db);
  const days =
    data.kind === 'national'
      ? changedDays(
          before.arrangements.find((a) => a.year === year),
          data.arrangement,
        )
      : changedDays(
          overlayYear(
            before.overlays.find((o) => o.region === region),
            year,
          ),
          overlayYear(data.overlay, year)!,
        );
  const source = meta.source.trim().slice(0, 500) || '（未注明）';
  const note = (meta.note ?? '').trim().slice(0, 2000);
  let version = 0;
  await inTransaction(ctx, async (tx) => {
    version = await calendarStore.nextVersion(tx, year, region);
    await calendarStore.insert(tx, {
      id: newId(),
      year,
      region,
      version,
      source,
      note,
      changedDays: days.length,
      savedById: actor.kind === 'user' ? actor.userId : null,
      savedByLabel: actor.label,
      savedAt: ctx.now().toISOString(),
      data: data.kind === 'national' ? data.arrangement : data.overlay,
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: null,
      entityType: 'calendar_year',
      entityId: region ? `${region}:${year}` : String(year),
      action: 'calendar.arrangement_saved',
      data: { year, region, version, source, note, changedDays: days },
    });
  });
  invalidateCalendarCache(ctx.db);
  // After the commit: recomputers read the new arrangement through effectiveCalendar.
  const recomputed = days.length ? await runCaseRecomputers(ctx, { year, region, days }, recomputers) : [];
  if (recomputed.length) {
    await appendEvent(ctx.db, {
      at: ctx.now(),
      actor,
      agencyId: null,
      entityType: 'calendar_year',
      entityId: region ? `${region}:${year}` : String(year),
      action: 'calendar.due_dates_recomputed',
      data: { version, recomputed },
    });
  }
  return { year, region, version, changedDays: days, recomputed };
}
