/**
 * A normative document issued before the agency kept its register here (存量规范性文件), as typed in the
 * registry's form: its original dates are facts of record, entered — unlike a 发布日期 on this site, which the
 * system records. Pure checking; every problem in Chinese, per field.
 */
import { z } from 'zod';
import { isIsoDate } from '../../calendar/dates.js';
import { validationFailed } from '../../platform/errors.js';
import { day, text } from '../items/item-input.js';

interface PriorDocumentFields {
  title: string;
  docNo: string;
  registrationNo: string;
  publishedOn: string;
  effectiveOn: string | null;
  /** null: not named in the document; the registry's default period applies. */
  expiresOn: string | null;
  repealedOn: string | null;
  sourceUrl: string;
}

const schema = z.object({
  title: text('文件名称', 200).min(1, '请填写文件名称'),
  docNo: text('文号', 60).min(1, '请填写文号'),
  registrationNo: text('原登记号', 60).optional().default(''),
  publishedOn: day('发布日期'),
  effectiveOn: day('施行日期'),
  expiresOn: day('有效期至'),
  repealedOn: day('废止日期'),
  sourceUrl: z
    .string()
    .trim()
    .max(500, '网址过长')
    .optional()
    .default('')
    .refine((v) => v === '' || /^https?:\/\/[^\s<>"]+$/.test(v), '请填写以 http:// 或 https:// 开头的网址'),
});

/** Checks the form against `today` (the legal day): no date of record lies in the future. */
export function parsePriorDocument(input: unknown, today: string): PriorDocumentFields {
  const r = schema.safeParse(input ?? {});
  const fields: Record<string, string> = {};
  if (!r.success) {
    for (const issue of r.error.issues) fields[issue.path.join('.')] ??= issue.message;
    throw validationFailed(fields);
  }
  const v = r.data;
  if (/[[\]［］【】]/.test(v.docNo)) fields.docNo = '文号的年份应使用六角括号〔〕，如 仲政〔2021〕1号';
  if (!v.publishedOn) fields.publishedOn = '请填写发布日期';
  else if (v.publishedOn > today) fields.publishedOn = '存量文件的发布日期不能晚于今天';
  const from = v.effectiveOn ?? v.publishedOn;
  if (v.expiresOn && from && v.expiresOn < from) fields.expiresOn = '有效期至不能早于施行（发布）日期';
  if (v.repealedOn && v.publishedOn && v.repealedOn < v.publishedOn)
    fields.repealedOn = '废止日期不能早于发布日期';
  else if (v.repealedOn && v.repealedOn > today) fields.repealedOn = '废止日期不能晚于今天';
  if (Object.keys(fields).length) throw validationFailed(fields);
  return {
    title: v.title,
    docNo: v.docNo,
    registrationNo: v.registrationNo,
    publishedOn: v.publishedOn!,
    effectiveOn: v.effectiveOn,
    expiresOn: v.expiresOn,
    repealedOn: v.repealedOn,
    sourceUrl: v.sourceUrl,
  };
}

/** Checks a repeal date typed for an entered document. */
export function parseRepealDay(input: unknown, publishedOn: string, today: string): string {
  const d = typeof input === 'string' ? input.trim() : '';
  if (!isIsoDate(d)) throw validationFailed({ repealedOn: '废止日期应为有效日期，格式如 2026-03-01' });
  if (d < publishedOn) throw validationFailed({ repealedOn: '废止日期不能早于发布日期' });
  if (d > today) throw validationFailed({ repealedOn: '废止日期不能晚于今天' });
  return d;
}
