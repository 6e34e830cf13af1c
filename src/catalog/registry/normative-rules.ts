/**
 * Rules of the normative-document registry (规范性文件统一登记), pure:
 * - the unified registration number (统一登记号) from a per-agency template, tokens as the index number's;
 * - the default validity period when the document names none: 5 years, 2 for a title with 试行/暂行
 *   (common provincial practice, not national law: configurable data per agency);
 * - the expiry reminder window: 6 months before 有效期至, so the drafting office can assess and renew.
 */
import { addCalendarDays, addMonths, daysFromCivil, isoDateOf } from '../../calendar/dates.js';
import { validationFailed } from '../../platform/errors.js';
import { checkIndexTemplate } from '../items/index-number.js';

export const defaultRegistrationTemplate = '{机构代码}-{YYYY}-{seq:3}';

export function checkRegistrationTemplate(template: string): string {
  try {
    return checkIndexTemplate(template);
  } catch (e) {
    const message = (e as { fields?: Record<string, string> }).fields?.indexTemplate ?? '登记号规则有误';
    throw validationFailed({ registrationTemplate: message.replace('索引号规则', '统一登记号规则') });
  }
}

export interface ValidityRules {
  defaultYears: number;
  trialYears: number;
  /** Words in a title that mark a trial document (试行, 暂行). */
  trialWords: string[];
}

export const defaultValidityRules: ValidityRules = {
  defaultYears: 5,
  trialYears: 2,
  trialWords: ['试行', '暂行'],
};

/** Parses stored rules, filling what is missing from the defaults. */
export function validityRulesFrom(json: string | undefined): ValidityRules {
  const v = json ? (JSON.parse(json) as Partial<ValidityRules>) : {};
  return { ...defaultValidityRules, ...v };
}

/** Checks rules typed in the settings form; field errors in Chinese. */
export function checkValidityRules(input: { defaultYears: string; trialYears: string; trialWords: string }) {
  const fields: Record<string, string> = {};
  const years = (s: string) => (/^\d{1,2}$/.test(s.trim()) ? Number(s.trim()) : NaN);
  const d = years(input.defaultYears);
  const t = years(input.trialYears);
  if (!(d >= 1 && d <= 10)) fields.defaultYears = '默认有效期应为 1–10 年的整数';
  if (!(t >= 1 && t <= 10)) fields.trialYears = '试行、暂行文件有效期应为 1–10 年的整数';
  const words = input.trialWords
    .split(/[，,、\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.some((w) => w.length > 10)) fields.trialWords = '每个词不能超过 10 个字';
  if (Object.keys(fields).length) throw validationFailed(fields);
  return { defaultYears: d, trialYears: t, trialWords: words } satisfies ValidityRules;
}

/**
 * The default 有效期至: the day before the same date `years` later, counted from the day it takes effect.
 * A trial document (title with a trial word) gets the shorter period.
 */
export function defaultExpiry(title: string, from: string, rules: ValidityRules): string {
  const years = rules.trialWords.some((w) => title.includes(w)) ? rules.trialYears : rules.defaultYears;
  return addCalendarDays(addYears(from, years), -1);
}

export const EXPIRY_ALERT_MONTHS = 6;

/**
 * Whether a document in force with this 有效期至 is within the reminder window on `today`: the one test of the
 * window, used by the daily sweep and the registry page. Counted back from 有效期至, so at a month end the window
 * opens on the clamped day (有效期至 31 August → from 28 February).
 */
export function expiryAlertDue(expiresOn: string, today: string): boolean {
  return today <= expiresOn && today >= addMonths(expiresOn, -EXPIRY_ALERT_MONTHS);
}

/** The first day a document is no longer in force: the day after its 有效期至. */
export const expiredOn = (expiresOn: string) => addCalendarDays(expiresOn, 1);

/** The anniversary n years later; 29 February rolls to 1 March in a common year. */
function addYears(d: string, n: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return isoDateOf(daysFromCivil(y + n, m, day));
}

/** A bound for a store query: every 有效期至 for which expiryAlertDue(·, today) can hold is on or before it. */
export const expiryAlertQueryBound = (today: string) => addMonths(today, EXPIRY_ALERT_MONTHS + 1);
