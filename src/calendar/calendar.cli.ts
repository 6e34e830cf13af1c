/**
 * `gongkai calendar …` subcommands. The contract (kept stable, see README):
 *   calendar is-workday 2025-01-26         → true | false
 *   calendar add 2025-01-20 20             → 2025-02-21   (provisional results warn on stderr)
 *   calendar workdays 2025 --json          → JSON array of the year's working days
 *   calendar explain 2025-01-20 20         → the explanation in Chinese
 *   calendar import FILE                   → loads a year's arrangement (our format or holiday-cn JSON),
 *                                            or one year of a regional overlay (our format with `region`)
 * `--region CODE` applies a province's overlay. Bad input throws a DomainError (the CLI main prints it and
 * exits 1) before anything is saved.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError } from '../platform/errors.js';
import {
  type HolidayArrangement,
  type RegionalOverlay,
  parseArrangementInput,
  provinceOf,
} from './arrangement.js';
import { shippedArrangements, shippedOverlays } from './data/shipped.js';
import { parseIsoDate } from './dates.js';
import { explainWorkingDays, renderExplanationZh } from './explain.js';
import { type RecomputeRegistry, changedDays, createRecomputeRegistry } from './recompute.js';
import { REQUEST_REPLY } from './rules.js';
import { WorkCalendar } from './work-calendar.js';

/** What the calendar commands need from the outside world; the lead backs it with the calendar_years table. */
export interface CalendarCliDeps {
  /** Effective national arrangements: the shipped years, replaced year by year by administrator imports. */
  loadArrangements(): Promise<HolidayArrangement[]>;
  loadOverlays(): Promise<RegionalOverlay[]>;
  /**
   * Saves (adds or replaces) one notice year, logs the change and recomputes the open cases whose due dates
   * depend on the changed days; returns each recomputer's count of changed cases.
   */
  saveArrangement(
    arrangement: HolidayArrangement,
    meta: { source: string },
  ): Promise<{ recomputed: Array<{ name: string; changed: number }> }>;
  /** Saves one calendar year of a region's overlay (only where a database backs the commands). */
  saveOverlay?(
    overlay: RegionalOverlay,
    meta: { source: string },
  ): Promise<{ year: number; changedDays: number; recomputed: Array<{ name: string; changed: number }> }>;
  /** Writes one line to standard output / standard error. */
  out(line: string): void;
  err(line: string): void;
}

const PROVISIONAL_WARNING = '警告：结果涉及尚未载入国务院放假安排的年份，仅按周末推算，为暂定结果。';

interface RegionOpts {
  region?: string;
  includeUnconfirmed?: boolean;
}

export async function calendarFor(deps: CalendarCliDeps, opts: RegionOpts = {}): Promise<WorkCalendar> {
  const [arrangements, overlays] = await Promise.all([deps.loadArrangements(), deps.loadOverlays()]);
  return new WorkCalendar(arrangements, overlays, {
    region: opts.region ? provinceOf(opts.region) : null,
    includeUnconfirmed: Boolean(opts.includeUnconfirmed),
  });
}

function parseCount(text: string): number {
  if (!/^\d{1,5}$/.test(text)) {
    throw new DomainError('calendar.invalid_count', `工作日天数“${text}”无效，应为不小于 0 的整数。`);
  }
  return Number(text);
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text) || Number(text) < 1970 || Number(text) > 2169) {
    throw new DomainError('calendar.invalid_year', `年份“${text}”无效，应为 1970 至 2169 之间的四位数字。`);
  }
  return Number(text);
}

export function registerCalendarCommands(program: Command, deps: CalendarCliDeps): Command {
  const calendar = program.command('calendar').description('工作日日历：节假日安排、调休与期限计算');
  const regionOption = ['--region <code>', '行政区划代码，叠加该省（自治区）的地方节假日'] as const;
  const unconfirmedOption = ['--include-unconfirmed', '同时计入尚未核实的地方节假日'] as const;

  calendar
    .command('is-workday')
    .description('判断某日是否为工作日，输出 true 或 false')
    .argument('<date>', '日期 YYYY-MM-DD')
    .option(...regionOption)
    .option(...unconfirmedOption)
    .action(async (date: string, opts: RegionOpts) => {
      parseIsoDate(date);
      const cal = await calendarFor(deps, opts);
      deps.out(String(cal.isWorkingDay(date)));
      if (cal.isProvisional(date)) deps.err(PROVISIONAL_WARNING);
    });

  calendar
    .command('add')
    .description('计算某日之后第 N 个工作日（当日不计入）')
    .argument('<date>', '起算日 YYYY-MM-DD')
    .argument('<days>', '工作日天数')
    .option(...regionOption)
    .option(...unconfirmedOption)
    .allowUnknownOption()
    .action(async (date: string, days: string, opts: RegionOpts) => {
      const n = parseCount(days);
      parseIsoDate(date);
      const r = (await calendarFor(deps, opts)).addWorkingDays(date, n);
      deps.out(r.date);
      if (r.provisional) deps.err(PROVISIONAL_WARNING);
    });

  calendar
    .command('workdays')
    .description('列出某年全部工作日')
    .argument('<year>', '年份')
    .option('--json', '以 JSON 数组输出')
    .option(...regionOption)
    .option(...unconfirmedOption)
    .action(async (yearText: string, opts: RegionOpts & { json?: boolean }) => {
      const year = parseYear(yearText);
      const cal = await calendarFor(deps, opts);
      const days = cal.workingDaysOfYear(year);
      deps.out(opts.json ? JSON.stringify(days) : days.join('\n'));
      if (!cal.years.has(year)) deps.err(PROVISIONAL_WARNING);
    });

  calendar
    .command('explain')
    .description('逐日说明某日之后第 N 个工作日是如何计算的')
    .argument('<date>', '起算日 YYYY-MM-DD')
    .argument('<days>', '工作日天数')
    .option(...regionOption)
    .option(...unconfirmedOption)
    .allowUnknownOption()
    .action(async (date: string, days: string, opts: RegionOpts) => {
      const n = parseCount(days);
      parseIsoDate(date);
      const cal = await calendarFor(deps, opts);
      deps.out(renderExplanationZh(explainWorkingDays(cal, date, n, REQUEST_REPLY.basis)));
    });

  calendar
    .command('import')
    .description('载入一个年度的放假安排（本项目格式，或 holiday-cn 的 JSON 格式）')
    .argument('<file>', 'JSON 文件')
    .action(async (file: string) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        throw new DomainError('calendar.file_unreadable', `无法读取文件“${file}”。未做任何更改。`);
      }
      const input = parseArrangementInput(text, `import:${file}`);
      if (input.kind === 'regional') {
        if (!deps.saveOverlay) {
          throw new DomainError('calendar.overlay_unsupported', '此处不能载入地方节假日安排。未做任何更改。');
        }
        const o = input.overlay;
        const r = await deps.saveOverlay(o, { source: file });
        deps.out(
          `已载入${o.regionName}（${o.region}）${r.year}年地方节假日安排：${o.days.length}天（其中${r.changedDays}天有变化）。`,
        );
        for (const x of r.recomputed) deps.out(`已重新计算${x.name}：${x.changed}件。`);
        return;
      }
      const arrangement = input.arrangement;
      const before = (await deps.loadArrangements()).find((a) => a.year === arrangement.year);
      const days = changedDays(before, arrangement);
      const { recomputed } = await deps.saveArrangement(arrangement, { source: file });
      deps.out(
        `已${before ? '更新' : '载入'}${arrangement.year}年放假安排：${arrangement.days.length}天（其中${days.length}天有变化）。`,
      );
      for (const r of recomputed) deps.out(`已重新计算${r.name}：${r.changed}件。`);
    });

  return calendar;
}

/** Shipped data plus an in-memory list of imports: for tests and for running without a database. */
export function createMemoryCalendarDeps(
  io: { out?: (line: string) => void; err?: (line: string) => void } = {},
): CalendarCliDeps & { imported: Map<number, HolidayArrangement>; recompute: RecomputeRegistry } {
  const imported = new Map<number, HolidayArrangement>();
  const recompute = createRecomputeRegistry();
  const loadArrangements = async () => {
    const byYear = new Map(shippedArrangements().map((a) => [a.year, a]));
    for (const [year, a] of imported) byYear.set(year, a);
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  };
  return {
    imported,
    recompute,
    loadArrangements,
    loadOverlays: async () => shippedOverlays(),
    saveArrangement: async (a) => {
      const days = changedDays(
        (await loadArrangements()).find((x) => x.year === a.year),
        a,
      );
      imported.set(a.year, a);
      return { recomputed: days.length ? await recompute.run({ year: a.year, region: null, days }) : [] };
    },
    out: io.out ?? ((line) => void process.stdout.write(`${line}\n`)),
    err: io.err ?? ((line) => void process.stderr.write(`${line}\n`)),
  };
}
