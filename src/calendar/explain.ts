/**
 * Explanations as data: every computed deadline can say how it was reached — each day counted, each weekend
 * or holiday skipped, each make-up day counted, each pause and restart, the extension — and the Chinese
 * renderer turns that into plain text for staff and the public case page (HTML is rendered elsewhere).
 */
import { type IsoDate, dayNumber, formatDateZh, isoDateOf } from './dates.js';
import type { WorkCalendar } from './work-calendar.js';

export type PauseReason = 'third_party' | 'co_maker' | 'other_agency' | 'fee';
type StartReason = 'receipt' | 'clarification_received' | 'started' | 'known';
export type StopReason = 'replied' | 'published' | 'closed';

export type ExplanationStep =
  | { kind: 'start'; date: IsoDate; reason: StartReason; basis: string }
  | { kind: 'counted'; date: IsoDate; ordinal: number; makeup: boolean; name?: string; provisional: boolean }
  | {
      kind: 'skipped';
      date: IsoDate;
      reason: 'weekend' | 'holiday' | 'regional_holiday';
      name?: string;
      provisional: boolean;
    }
  | { kind: 'excluded'; date: IsoDate; reason: PauseReason }
  | { kind: 'paused'; date: IsoDate; reason: PauseReason; basis: string }
  | { kind: 'resumed'; date: IsoDate; reason: PauseReason }
  | { kind: 'clarification_requested'; date: IsoDate; basis: string }
  | { kind: 'extended'; date: IsoDate; days: number; basis: string }
  | { kind: 'reply_delayed'; date: IsoDate; replyBy: IsoDate; basis: string }
  | { kind: 'stopped'; date: IsoDate; reason: StopReason }
  | { kind: 'calendar_period'; from: IsoDate; to: IsoDate; length: string; basis: string }
  | { kind: 'rolled'; from: IsoDate; to: IsoDate; basis: string }
  | { kind: 'due'; date: IsoDate | null; provisional: boolean };

export interface Explanation {
  title: string;
  steps: ExplanationStep[];
  provisional: boolean;
}

/** The per-day steps of a working-day count over (from, to], skipping the `excluded` day numbers. */
export function dayStepsN(
  cal: WorkCalendar,
  from: number,
  to: number,
  excludedReason: (n: number) => PauseReason | undefined = () => undefined,
  firstOrdinal = 1,
  eventsOn: (n: number) => ExplanationStep[] = () => [],
): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  let ordinal = firstOrdinal;
  for (let n = from + 1; n <= to; n++) {
    const date = isoDateOf(n);
    const pause = excludedReason(n);
    const name = cal.nameN(n);
    const provisional = cal.provisionalN(n - 1, n);
    const status = cal.statusN(n);
    if (pause) steps.push({ kind: 'excluded', date, reason: pause });
    else if (status === 'weekday' || status === 'makeup' || status === 'regional_makeup') {
      steps.push({
        kind: 'counted',
        date,
        ordinal: ordinal++,
        makeup: status !== 'weekday',
        ...(name ? { name } : {}),
        provisional,
      });
    } else steps.push({ kind: 'skipped', date, reason: status, ...(name ? { name } : {}), provisional });
    steps.push(...eventsOn(n));
  }
  return steps;
}

/** Explains a plain "N working days from date" deadline (`calendar explain`). */
export function explainWorkingDays(
  cal: WorkCalendar,
  start: IsoDate,
  days: number,
  basis: string,
): Explanation {
  const s = dayNumber(start);
  const due = cal.addN(s, days);
  const provisional = cal.provisionalN(s, due);
  return {
    title: `自${formatDateZh(start, false)}起${days}个工作日`,
    steps: [
      { kind: 'start', date: start, reason: 'receipt', basis },
      ...dayStepsN(cal, s, due),
      { kind: 'due', date: isoDateOf(due), provisional },
    ],
    provisional,
  };
}

// ---- Chinese renderer ----

const PAUSE_ZH: Record<PauseReason, string> = {
  third_party: '征求第三方意见',
  co_maker: '征求共同制作机关意见',
  other_agency: '征求其他机关意见',
  fee: '缴纳信息处理费',
};
const START_ZH: Record<StartReason, string> = {
  receipt: '收到申请之日',
  clarification_received: '收到补正后的申请之日',
  started: '起算之日',
  known: '知道或者应当知道该行为之日',
};
const STOP_ZH: Record<StopReason, string> = {
  replied: '已答复',
  published: '已公开',
  closed: '已办结（终止）',
};
const SKIP_ZH = { weekend: '周末休息', holiday: '法定节假日', regional_holiday: '本地区民族节日' } as const;

const d = (date: IsoDate) => formatDateZh(date);
const mark = (provisional: boolean) =>
  provisional ? '（该年度放假安排尚未发布，按周末推算，仅供参考）' : '';

export const PROVISIONAL_NOTE_ZH = '注意：所涉年度的国务院放假安排尚未载入，结果按周末推算，为暂定结果。';

/** Plain-text Chinese rendering; runs of plain weekdays, skipped days and excluded days are grouped. */
export function renderExplanationZh(e: Explanation): string {
  return [e.title, ...explanationLinesZh(e), ...(e.provisional ? [PROVISIONAL_NOTE_ZH] : [])].join('\n');
}

/** One Chinese sentence per step or run of steps (no title, no closing note): text and HTML renderers share it. */
export function explanationLinesZh(e: Explanation): string[] {
  const lines: string[] = [];
  const steps = e.steps;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    switch (s.kind) {
      case 'start':
        lines.push(`起算：${d(s.date)}为${START_ZH[s.reason]}，当日不计入期限，自次日起计算（${s.basis}）。`);
        break;
      case 'counted': {
        if (s.makeup) {
          lines.push(
            `${d(s.date)}：调休上班${s.name ? `（${s.name}）` : ''}，计为第${s.ordinal}个工作日${mark(s.provisional)}`,
          );
          break;
        }
        let j = i;
        while (steps[j + 1]?.kind === 'counted' && !(steps[j + 1] as { makeup: boolean }).makeup) j++;
        const last = steps[j] as typeof s;
        lines.push(
          j === i
            ? `${d(s.date)}：第${s.ordinal}个工作日${mark(s.provisional)}`
            : `${d(s.date)}至${d(last.date)}：第${s.ordinal}至${last.ordinal}个工作日${mark(last.provisional)}`,
        );
        i = j;
        break;
      }
      case 'skipped':
      case 'excluded': {
        let j = i;
        const same = (t: ExplanationStep | undefined) =>
          t?.kind === s.kind &&
          t.reason === s.reason &&
          (t.kind !== 'skipped' || s.kind !== 'skipped' || t.name === s.name);
        while (same(steps[j + 1])) j++;
        const last = steps[j] as typeof s;
        const span = j === i ? d(s.date) : `${d(s.date)}至${d(last.date)}`;
        const why =
          s.kind === 'skipped'
            ? `${s.name && s.reason !== 'weekend' ? `${s.name}放假` : SKIP_ZH[s.reason]}，不计算`
            : `${PAUSE_ZH[s.reason]}期间，不计算`;
        lines.push(`${span}：${why}`);
        i = j;
        break;
      }
      case 'paused':
        lines.push(`${d(s.date)}：开始${PAUSE_ZH[s.reason]}，自次日起暂停计算（${s.basis}）。`);
        break;
      case 'resumed':
        lines.push(`${d(s.date)}：${PAUSE_ZH[s.reason]}结束，自次日起继续计算。`);
        break;
      case 'clarification_requested':
        lines.push(
          `${d(s.date)}：一次性告知申请人补正，期限自收到补正后的申请之日起重新计算（${s.basis}）。`,
        );
        break;
      case 'extended':
        lines.push(
          `${d(s.date)}：经政府信息公开工作机构负责人同意延长答复期限${s.days}个工作日（${s.basis}）。`,
        );
        break;
      case 'reply_delayed':
        lines.push(`${d(s.date)}：告知申请人延迟答复，答复期限确定为${d(s.replyBy)}（${s.basis}）。`);
        break;
      case 'stopped':
        lines.push(`${d(s.date)}：${STOP_ZH[s.reason]}，停止计算。`);
        break;
      case 'calendar_period':
        lines.push(`自${d(s.from)}次日起计算${s.length}，至${d(s.to)}届满（${s.basis}）。`);
        break;
      case 'rolled':
        lines.push(`${d(s.from)}为节假日，期限顺延至其后第一个工作日${d(s.to)}（${s.basis}）。`);
        break;
      case 'due':
        lines.push(
          s.date ? `期限届满日：${d(s.date)}${mark(s.provisional)}` : '期限届满日：计时暂停中，暂无法确定。',
        );
        break;
    }
  }
  return lines;
}
