/**
 * The calendar commands backed by the database: reads see administrator imports (calendar_years), and
 * `import` goes through the save use case (validation, version, event, recompute). The database is opened
 * once per read and once per save, then closed, so a one-shot command leaves nothing open.
 */
import { systemActor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import type { CalendarCliDeps } from './calendar.cli.js';
import { type EffectiveCalendarData, loadEffectiveCalendarData } from './effective-calendar.js';
import type { NamedRecomputer } from './recompute-registry.js';
import { saveArrangement } from './save-arrangement.js';

export type WithContext = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

export function databaseCalendarDeps(
  withContext: WithContext,
  recomputers: readonly NamedRecomputer[],
  io: { out?: (line: string) => void; err?: (line: string) => void } = {},
): CalendarCliDeps {
  let data: Promise<EffectiveCalendarData> | undefined;
  const read = () => (data ??= withContext((ctx) => loadEffectiveCalendarData(ctx.db)));
  return {
    loadArrangements: async () => (await read()).arrangements,
    loadOverlays: async () => (await read()).overlays,
    saveArrangement: async (arrangement, meta) => {
      data = undefined;
      const r = await withContext((ctx) =>
        saveArrangement(
          ctx,
          systemActor('命令行'),
          { kind: 'national', arrangement },
          { source: meta.source },
          recomputers,
        ),
      );
      return { recomputed: r.recomputed };
    },
    saveOverlay: async (overlay, meta) => {
      data = undefined;
      const r = await withContext((ctx) =>
        saveArrangement(
          ctx,
          systemActor('命令行'),
          { kind: 'regional', overlay },
          { source: meta.source },
          recomputers,
        ),
      );
      return { year: r.year, changedDays: r.changedDays.length, recomputed: r.recomputed };
    },
    out: io.out ?? ((line) => void process.stdout.write(`${line}\n`)),
    err: io.err ?? ((line) => void process.stderr.write(`${line}\n`)),
  };
}
