/**
 * The computed measures of the 考核 scorecard: each a pure function over figures a store query read, returning
 * the rate (0–1, or null when there is nothing to assess), the figures, and an explanation naming its rule.
 */
import { art26Timeliness } from '../../catalog/items/timeliness.js';
import type { WorkCalendar } from '../../calendar/work-calendar.js';
import { deadlineStatus } from '../../reports/deadline.js';

export const computedCodes = ['art26', 'requests', 'messages', 'annualReport', 'columns'] as const;
export type ComputedCode = (typeof computedCodes)[number];

export interface MeasureOutcome {
  rate: number | null;
  figures: Record<string, number | string | null>;
  explanation: string;
}

const ratio = (good: number, total: number) => (total === 0 ? null : good / total);

/** 条例 Art. 26: items published in the year within 20 working days of being formed (written_on). */
export function art26Measure(
  cal: WorkCalendar,
  items: readonly { writtenOn: string | null; publishedOn: string }[],
): MeasureOutcome {
  const dated = items.filter((i): i is { writtenOn: string; publishedOn: string } => !!i.writtenOn);
  const onTime = dated.filter((i) => !art26Timeliness(cal, i.writtenOn, i.publishedOn).late).length;
  return {
    rate: ratio(onTime, dated.length),
    figures: { published: items.length, dated: dated.length, onTime, late: dated.length - onTime },
    explanation: `条例第二十六条：自形成之日起20个工作日内公开。本年公开${items.length}条，其中有成文日期${dated.length}条，按时${onTime}条。`,
  };
}

/**
 * 条例 Art. 33: requests answered by their due date (the statutory clock's due date stored on the case). A case
 * answered in the year counts on time when its reply day is not after the due date; an open case past its due
 * date on the assessment day counts late.
 */
export function requestsMeasure(
  cases: readonly { dueDate: string | null; outcomeOn: string | null; open: boolean }[],
  asOf: string,
): MeasureOutcome {
  const answered = cases.filter((c) => !c.open && c.outcomeOn && c.dueDate);
  const onTime = answered.filter((c) => c.outcomeOn! <= c.dueDate!).length;
  const overdueOpen = cases.filter((c) => c.open && c.dueDate && c.dueDate < asOf).length;
  const total = answered.length + overdueOpen;
  return {
    rate: ratio(onTime, total),
    figures: { answered: answered.length, onTime, lateAnswered: answered.length - onTime, overdueOpen },
    explanation: `条例第三十三条：在法定期限内答复。本年答复${answered.length}件，按期${onTime}件；截至${asOf}超期未答复${overdueOpen}件。`,
  };
}

/**
 * Messages answered within the agency's reply promise (portal-standards §7 W5/W6): replied by `due_on`; an
 * open message past its due day on the assessment day counts late; declined messages are not counted.
 */
export function messagesMeasure(
  rows: readonly { status: string; closedOn: string | null; dueOn: string; open: boolean }[],
  asOf: string,
): MeasureOutcome {
  const replied = rows.filter((m) => m.status === 'replied' && m.closedOn);
  const onTime = replied.filter((m) => m.closedOn! <= m.dueOn).length;
  const overdueOpen = rows.filter((m) => m.open && m.dueOn < asOf).length;
  return {
    rate: ratio(onTime, replied.length + overdueOpen),
    figures: { replied: replied.length, onTime, lateReplied: replied.length - onTime, overdueOpen },
    explanation: `留言办理承诺时限：本年答复留言${replied.length}条，按承诺时限答复${onTime}条；截至${asOf}超期未答复${overdueOpen}条。`,
  };
}

/**
 * 条例 Art. 49: the previous year's annual report published by its due day, and passing its cross-checks (no
 * error-level check failing in the published version). Both: full rate; one of the two: half; unpublished
 * after the due day: zero; not yet due: nothing to assess.
 */
export function annualReportMeasure(r: {
  reportYear: number;
  dueOn: string;
  firstPublishedOn: string | null;
  failingErrors: number | null;
  asOf: string;
}): MeasureOutcome {
  const status = deadlineStatus(r.dueOn, r.firstPublishedOn, r.asOf);
  const onTime = status === 'on_time';
  const passes = r.firstPublishedOn !== null && r.failingErrors === 0;
  const rate =
    status === 'pending' ? null : r.firstPublishedOn === null ? 0 : (Number(onTime) + Number(passes)) / 2;
  const when = r.firstPublishedOn ? `于${r.firstPublishedOn}公开` : '未公开';
  const checks =
    r.firstPublishedOn === null ? '' : passes ? '，勾稽关系检查通过' : `，有${r.failingErrors}项勾稽关系错误`;
  return {
    rate,
    figures: {
      reportYear: r.reportYear,
      dueOn: r.dueOn,
      publishedOn: r.firstPublishedOn,
      failingErrors: r.failingErrors,
    },
    explanation: `条例第四十九条：${r.reportYear}年度报告应于${r.dueOn}前公开，${when}${checks}。`,
  };
}

/**
 * Freshness class of a column by its name (portal-standards §7 V3). Narrow phrases on purpose: the Art. 20
 * columns' long names mention 政策 and 文件 (规范性文件, 政策、措施) without being 政策文件 columns.
 */
type FreshnessClass = 'dynamic' | 'notice' | 'other';
export function freshnessClass(name: string): FreshnessClass {
  if (/动态|要闻|新闻|工作信息/.test(name)) return 'dynamic';
  if (/通知|公告|公示|政策文件|政策法规/.test(name)) return 'notice';
  return 'other';
}

/** The day `months` months before `day` (clamped to the month's end). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Columns kept fresh (portal-standards §7 V2/V3): a dynamic column (动态/要闻) updated within the last 2 weeks,
 * a notice or policy column (通知公告/政策文件) within the last 6 months, and no blank column (no published
 * item at all). The rate is the share of the agency's content columns that are neither stale nor blank.
 */
export function columnsMeasure(
  columns: readonly { name: string; lastPublishedOn: string | null }[],
  asOf: string,
): MeasureOutcome {
  const twoWeeks = daysBefore(asOf, 14);
  const sixMonths = monthsBefore(asOf, 6);
  const blank: string[] = [];
  const stale: string[] = [];
  for (const c of columns) {
    if (c.lastPublishedOn === null) {
      blank.push(c.name);
      continue;
    }
    const cls = freshnessClass(c.name);
    const limit = cls === 'dynamic' ? twoWeeks : cls === 'notice' ? sixMonths : null;
    if (limit && c.lastPublishedOn < limit) stale.push(`${c.name}（最近更新${c.lastPublishedOn}）`);
  }
  const list = (xs: string[]) => xs.slice(0, 5).join('、') + (xs.length > 5 ? '等' : '');
  const fresh = columns.length - blank.length - stale.length;
  return {
    rate: ratio(fresh, columns.length),
    figures: { columns: columns.length, blank: blank.length, stale: stale.length, fresh },
    explanation:
      `政府网站检查指标单项否决第3项（栏目不更新）：动态类栏目2周内、通知公告和政策文件类栏目6个月内应有更新，不得有空白栏目。` +
      `截至${asOf}共${columns.length}个栏目，未按时更新${stale.length}个` +
      (stale.length ? `（${list(stale)}）` : '') +
      `，空白${blank.length}个` +
      (blank.length ? `（${list(blank)}）。` : '。'),
  };
}
