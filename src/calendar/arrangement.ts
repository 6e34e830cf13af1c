/**
 * A year's holiday arrangement (节假日安排) as data: the State Council General Office's annual notice lists
 * the days off (放假) and the weekend days worked instead (调休上班). Regional overlays have the same shape
 * plus a region and a confirmation flag per day. Shipped files and administrator imports share one schema.
 */
import { z } from 'zod';
import { DomainError } from '../platform/errors.js';
import { type IsoDate, isIsoDate, yearOf } from './dates.js';

export const ARRANGEMENT_FORMAT = 'gongkai.holiday-arrangement/1';

export interface Notice {
  title: string;
  /** 文号 as written, brackets kept, when known. */
  docNo?: string;
  url?: string;
}

/** `off`: a holiday or bridged rest day; `work`: an adjusted working day (normally a weekend day). */
type DayKind = 'off' | 'work';

interface ArrangedDay {
  date: IsoDate;
  kind: DayKind;
  /** Holiday name as in the notice, e.g. 春节. */
  name: string;
  /** Regional overlays only: false when the fact is not checked against the issuing notice. */
  confirmed?: boolean;
  note?: string;
}

/** One notice year (files are keyed by notice year and may hold days of the neighbouring year). */
export interface HolidayArrangement {
  format: typeof ARRANGEMENT_FORMAT;
  year: number;
  notices: Notice[];
  /** Where the facts were copied from (dataset, import file). */
  source: string;
  days: ArrangedDay[];
}

/** A region's own holidays (e.g. 广西 三月三), applied on top of the national calendar for its agencies. */
export interface RegionalOverlay {
  format: typeof ARRANGEMENT_FORMAT;
  /** Province-level administrative division code (GB/T 2260), e.g. `450000`. */
  region: string;
  regionName: string;
  source: string;
  notices: Notice[];
  days: ArrangedDay[];
}

const isoDate = z.string().refine(isIsoDate, { message: '日期无效' });
const notice = z.object({
  title: z.string().min(1),
  docNo: z.string().optional(),
  url: z.string().optional(),
});
const day = z.object({
  date: isoDate,
  kind: z.enum(['off', 'work']),
  name: z.string(),
  confirmed: z.boolean().optional(),
  note: z.string().optional(),
});

const arrangementSchema = z.object({
  format: z.literal(ARRANGEMENT_FORMAT),
  year: z.number().int().min(1970).max(2169),
  notices: z.array(notice),
  source: z.string(),
  days: z.array(day),
});

const overlaySchema = z.object({
  format: z.literal(ARRANGEMENT_FORMAT),
  region: z.string().regex(/^\d{2}0000$/),
  regionName: z.string(),
  source: z.string(),
  notices: z.array(notice),
  days: z.array(day),
});

/** The format of NateScarlet/holiday-cn (the copy in test/fixtures/holidays). */
const holidayCnSchema = z.object({
  year: z.number().int().min(1970).max(2169),
  papers: z.array(z.string()).default([]),
  days: z.array(z.object({ name: z.string(), date: isoDate, isOffDay: z.boolean() })),
});

/** 文号 of notices we know by URL; the rest are named by their standard title only. */
const KNOWN_DOC_NOS: Record<string, { title: string; docNo: string }> = {
  'http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm': {
    title: '国务院办公厅关于延长2020年春节假期的通知',
    docNo: '国办发明电〔2020〕1号',
  },
};

export function fromHolidayCn(input: z.input<typeof holidayCnSchema>, source: string): HolidayArrangement {
  const parsed = holidayCnSchema.parse(input);
  return checkArrangement({
    format: ARRANGEMENT_FORMAT,
    year: parsed.year,
    notices: parsed.papers.map((url, i) => ({
      ...(KNOWN_DOC_NOS[url] ?? {
        title: i === 0 ? `国务院办公厅关于${parsed.year}年部分节假日安排的通知` : '补充通知',
      }),
      url,
    })),
    source,
    days: parsed.days.map((d) => ({ date: d.date, kind: d.isOffDay ? 'off' : 'work', name: d.name })),
  });
}

/** Invariants zod cannot express: days within the notice year ± 1, each date once. */
function checkArrangement<T extends { year?: number; days: ArrangedDay[] }>(a: T): T {
  const seen = new Set<string>();
  for (const d of a.days) {
    if (a.year !== undefined && Math.abs(yearOf(d.date) - a.year) > 1) {
      throw invalid(`${d.date} 不在 ${a.year} 年安排的范围内（只能包含本年及相邻年份的日期）`);
    }
    if (seen.has(d.date)) throw invalid(`${d.date} 重复出现`);
    seen.add(d.date);
  }
  return a;
}

function invalid(detail: string): DomainError {
  return new DomainError('calendar.arrangement_invalid', `节假日安排文件格式有误：${detail}。未做任何更改。`);
}

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || '文件'}：${first.message}` : '内容不符合要求';
}

/**
 * Parses an arrangement from file text: our own format or holiday-cn's. Throws a DomainError in Chinese on
 * anything malformed, so an import either succeeds whole or changes nothing.
 */
export function parseArrangementText(text: string, source: string): HolidayArrangement {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('不是有效的 JSON');
  }
  if (json && typeof json === 'object' && (json as { format?: unknown }).format === ARRANGEMENT_FORMAT) {
    const r = arrangementSchema.safeParse(json);
    if (!r.success) throw invalid(describe(r.error));
    return checkArrangement(r.data);
  }
  const r = holidayCnSchema.safeParse(json);
  if (!r.success) throw invalid(describe(r.error));
  return fromHolidayCn(r.data, source);
}

export function parseOverlay(json: unknown, source: string): RegionalOverlay {
  const r = overlaySchema.safeParse(json);
  if (!r.success) throw invalid(`${source} ${describe(r.error)}`);
  return checkArrangement(r.data);
}

/** Province-level code of any administrative division code: `450103` (南宁市青秀区) → `450000`. */
export function provinceOf(region: string): string {
  if (!/^\d{2}(\d{4})?$/.test(region)) {
    throw new DomainError(
      'calendar.invalid_region',
      `地区代码“${region}”无效，请填写六位行政区划代码（如 450000）。`,
    );
  }
  return `${region.slice(0, 2)}0000`;
}

/** What an administrator hands in: a national notice year, or one calendar year of a region's overlay. */
export type ArrangementInput =
  { kind: 'national'; arrangement: HolidayArrangement } | { kind: 'regional'; overlay: RegionalOverlay };

/**
 * Parses pasted or imported text: a national arrangement (our format or holiday-cn's), or a regional
 * overlay (our format with `region`; the save use case checks its days fall in one calendar year).
 */
export function parseArrangementInput(text: string, source: string): ArrangementInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('不是有效的 JSON');
  }
  if (json && typeof json === 'object' && 'region' in json) {
    return { kind: 'regional', overlay: parseOverlay(json, source) };
  }
  return { kind: 'national', arrangement: parseArrangementText(text, source) };
}
