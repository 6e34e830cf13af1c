/**
 * The applicant's remedy windows, counted in calendar days (or months), not working days:
 * - administrative reconsideration: 60 days from knowing the act (行政复议法 2023 Art. 20);
 * - litigation: 6 months from knowing the act (行政诉讼法 Art. 46), months counted as months;
 * - litigation after reconsideration: 15 days from receiving the decision (行政诉讼法 Art. 45).
 * The start day is not counted, and a period whose last day is a holiday runs to the next working day
 * (the general rule on periods, e.g. 民事诉讼法 Art. 85, applied by 行政诉讼法 Art. 101). When the agency gave
 * no reply, the applicant "knows" of the omission on the day the reply period expired.
 */
import { DomainError } from '../platform/errors.js';
import { type IsoDate, addCalendarDays, addMonths, dayNumber, isoDateOf, parseIsoDate } from './dates.js';
import type { Explanation } from './explain.js';
import { toLegalDay } from './legal-day.js';
import type { WorkCalendar } from './work-calendar.js';

type RemedyKind = 'reconsideration' | 'litigation' | 'litigation_after_review';

export interface RemedyWindow {
  kind: RemedyKind;
  /** The day the period runs from (not counted). */
  from: IsoDate;
  lastDay: IsoDate;
  /** The nominal last day when it fell on a holiday and was moved. */
  rolledFrom: IsoDate | null;
  /** False when the law requires reconsideration first (行政复议法 Art. 23 ¶1(四), from 2024-01-01). */
  available: boolean;
  provisional: boolean;
  basis: string;
  explanation: Explanation;
}

interface RemedyInput {
  /** The day the applicant received the reply (knew of the act); a legal day or an instant. */
  knownOn?: string | null;
  /** When no reply was given: the day the reply period expired (the reply clock's due date). */
  replyDueDate?: IsoDate | null;
  /** The act is a refusal to disclose (申请政府信息公开，行政机关不予公开). */
  refusal?: boolean;
}

/** 行政复议法 (2023 revision) in force: refusals to disclose must go to reconsideration before court. */
const REVIEW_FIRST_FROM = '2024-01-01';

/**
 * A refusal to disclose (申请政府信息公开，行政机关不予公开) known on or after 2024-01-01 goes to reconsideration
 * before any lawsuit (行政复议法 2023 Art. 23 ¶1(四)); the agency must say so (¶2).
 */
export function reviewFirst(refusal: boolean, on: IsoDate): boolean {
  return refusal && on >= REVIEW_FIRST_FROM;
}

const LABEL: Record<RemedyKind, string> = {
  reconsideration: '申请行政复议期限',
  litigation: '提起行政诉讼期限',
  litigation_after_review: '不服复议决定提起行政诉讼期限',
};

function window(
  cal: WorkCalendar,
  kind: RemedyKind,
  from: IsoDate,
  nominal: IsoDate,
  length: string,
  basis: string,
  available = true,
): RemedyWindow {
  const n = dayNumber(nominal);
  const last = cal.rollForwardN(n);
  const rolled = last !== n;
  const provisional = cal.provisionalN(n - 1, last);
  const lastDay = isoDateOf(last);
  return {
    kind,
    from,
    lastDay,
    rolledFrom: rolled ? nominal : null,
    available,
    provisional,
    basis,
    explanation: {
      title: LABEL[kind],
      steps: [
        { kind: 'calendar_period', from, to: nominal, length, basis },
        ...(rolled
          ? [
              {
                kind: 'rolled' as const,
                from: nominal,
                to: lastDay,
                basis: '期间届满的最后一日是节假日的，以节假日后的第一日为期间届满的日期',
              },
            ]
          : []),
        { kind: 'due', date: lastDay, provisional },
      ],
      provisional,
    },
  };
}

/** The day the remedy periods run from: the day of knowing, else the expiry of the reply period. */
function remedyStart(input: RemedyInput): IsoDate {
  if (input.knownOn) return toLegalDay(input.knownOn);
  if (input.replyDueDate) return parseIsoDate(input.replyDueDate, '答复期限届满日');
  throw new DomainError(
    'calendar.remedy_start_missing',
    '请提供申请人收到答复之日，或未答复时答复期限届满之日。',
  );
}

/** Reconsideration (60 days) and direct litigation (6 months) windows for a reply or a missing reply. */
export function remedyWindows(
  cal: WorkCalendar,
  input: RemedyInput,
): { reconsideration: RemedyWindow; litigation: RemedyWindow } {
  const from = remedyStart(input);
  const first = reviewFirst(Boolean(input.refusal), from);
  return {
    reconsideration: window(
      cal,
      'reconsideration',
      from,
      addCalendarDays(from, 60),
      '六十日',
      '《中华人民共和国行政复议法》第二十条',
    ),
    litigation: window(
      cal,
      'litigation',
      from,
      addMonths(from, 6),
      '六个月',
      first
        ? '《中华人民共和国行政诉讼法》第四十六条；对不予公开的决定应当先申请行政复议（《中华人民共和国行政复议法》第二十三条）'
        : '《中华人民共和国行政诉讼法》第四十六条',
      !first,
    ),
  };
}

/** Litigation within 15 days of receiving the reconsideration decision (行政诉讼法 Art. 45). */
export function litigationAfterReview(cal: WorkCalendar, decisionReceivedOn: string): RemedyWindow {
  const from = toLegalDay(decisionReceivedOn);
  return window(
    cal,
    'litigation_after_review',
    from,
    addCalendarDays(from, 15),
    '十五日',
    '《中华人民共和国行政诉讼法》第四十五条',
  );
}
