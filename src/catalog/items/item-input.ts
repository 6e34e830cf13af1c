/** Validation of item forms (admin UI, demo loader, import): every problem in Chinese, per field. */
import { z } from 'zod';
import { isIsoDate } from '../../calendar/dates.js';
import { validationFailed } from '../../platform/errors.js';
import { fiveKinds, genres, type ItemFields } from './item.js';
import { sanitizeBody } from './sanitize.js';

/** Trimmed text with a length limit; shared by the catalog's forms. */
export const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (label: string, max: number) => text(label, max).optional().default('');
/** An optional `YYYY-MM-DD` day, empty as null; shared by the catalog's forms. */
export const day = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), `${label}应为有效日期，格式如 2026-03-01`);
const optionalId = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => v || null);

const itemInputSchema = z.object({
  columnId: z.string({ message: '请选择所属栏目' }).trim().min(1, '请选择所属栏目'),
  title: text('标题', 200).min(1, '请填写标题'),
  summary: optionalText('内容概述', 500),
  issuer: optionalText('发布机构', 100),
  writtenOn: day('成文日期'),
  // 文号 keeps its 〔〕 brackets as written; the common mistake of [] or () is corrected only by the editor.
  docNo: optionalText('文号', 60),
  subjectCode: optionalId,
  genre: z
    .string()
    .trim()
    .optional()
    .default('')
    .refine((v) => v === '' || genres.includes(v), '请选择列表中的体裁'),
  fiveKind: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => v || null)
    .refine((v) => v === null || (fiveKinds as readonly string[]).includes(v), '五公开类别无效'),
  keyDomain: optionalId,
  keywords: optionalText('关键词', 200),
  source: optionalText('信息来源', 100),
  bodyHtml: z.string().max(500_000, '正文过长').optional().default(''),
  normative: z.boolean().optional().default(false),
  interpretsId: optionalId,
  interpretationExemption: optionalText('不解读理由', 300),
  effectiveOn: day('施行日期'),
  expiresOn: day('有效期至'),
  standardEntryId: optionalId,
});

export type ItemInput = z.input<typeof itemInputSchema>;

export function parseItemInput(input: unknown): ItemFields {
  const r = itemInputSchema.safeParse(input);
  const fields: Record<string, string> = {};
  // Checked on the raw value too, so a form with other problems reports this one in the same pass.
  const rawDocNo = (input as { docNo?: unknown } | null)?.docNo;
  if (typeof rawDocNo === 'string' && /[[\]［］【】]/.test(rawDocNo))
    fields.docNo = '文号的年份应使用六角括号〔〕，如 仲政〔2026〕1号';
  if (!r.success) {
    for (const issue of r.error.issues) fields[issue.path.join('.')] ??= issue.message;
    throw validationFailed(fields);
  }
  const v = r.data;
  if (v.effectiveOn && v.expiresOn && v.expiresOn < v.effectiveOn)
    fields.expiresOn = '有效期至不能早于施行日期';
  if (Object.keys(fields).length) throw validationFailed(fields);
  return {
    columnId: v.columnId,
    title: v.title,
    summary: v.summary,
    issuer: v.issuer,
    writtenOn: v.writtenOn,
    docNo: v.docNo,
    subjectCode: v.subjectCode,
    genre: v.genre,
    fiveKind: v.fiveKind as ItemFields['fiveKind'],
    keyDomain: v.keyDomain,
    keywords: v.keywords,
    source: v.source,
    bodyHtml: sanitizeBody(v.bodyHtml),
    normative: v.normative,
    interpretsId: v.interpretsId,
    interpretationExemption: v.interpretationExemption,
    effectiveOn: v.effectiveOn,
    expiresOn: v.expiresOn,
    standardEntryId: v.standardEntryId,
  };
}
