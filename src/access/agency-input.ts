/** Validation of agency forms (admin UI, CLI, demo data): every problem in Chinese, per field. */
import { z } from 'zod';
import { validationFailed } from '../platform/errors.js';
import { agencyLevels, defaultRulemakingPower, type Agency } from './agency.js';
import { creditCodeMessage, creditCodeProblem } from './credit-code.js';

/** Top-level paths the platform itself uses; an agency cannot take them. */
const reservedSegments = ['admin', 'api', 'static', 'healthz', 'readyz', 'mode', 'search', 'feeds', 'assets'];

const text = (label: string, max = 200) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`);
const required = (label: string, max = 200) => text(label, max).min(1, `请填写${label}`);

const agencyInputSchema = z.object({
  parentId: z.string().trim().optional().nullable(),
  name: required('机关名称', 100),
  shortName: required('简称', 30),
  creditCode: z
    .string({ message: '请填写统一社会信用代码' })
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const problem = creditCodeProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: creditCodeMessage[problem] });
    }),
  divisionCode: z
    .string({ message: '请填写行政区划代码' })
    .trim()
    .regex(/^\d{6}(\d{3})?$/, '行政区划代码应为 6 位或 9 位数字'),
  level: z.enum(agencyLevels, { message: '请选择机关层级' }),
  calendarRegion: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, '节假日地区应为 6 位行政区划代码或留空')
    .optional()
    .nullable()
    .transform((v) => v || null),
  pathSegment: z
    .string({ message: '请填写网站路径' })
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, '网站路径应为 2–40 位小写字母、数字或连字符，以字母开头')
    .refine((v) => !reservedSegments.includes(v), '该网站路径为系统保留，请换一个'),
  supervisorId: z.string().trim().optional().nullable(),
  reconsiderationBody: text('复议机关', 100).default(''),
  reconsiderationBodyReason: text('另行指定复议机关的理由', 200).default(''),
  // A cleared form field is a mistake, not 0 (z.coerce.number reads '' as 0).
  deliveryMarginDays: z
    .preprocess(
      (v) => (typeof v === 'string' && !v.trim() ? Number.NaN : v),
      z.coerce
        .number({ message: '邮寄在途天数应为 0 至 15 的整数' })
        .int('邮寄在途天数应为 0 至 15 的整数')
        .min(0, '邮寄在途天数应为 0 至 15 的整数')
        .max(15, '邮寄在途天数应为 0 至 15 的整数'),
    )
    .default(3),
  hasRulemakingPower: z.boolean().optional(),
  office: z.object({
    name: required('政府信息公开工作机构名称', 100),
    address: text('办公地址').default(''),
    postcode: z
      .string()
      .trim()
      .regex(/^(\d{6})?$/, '邮政编码应为 6 位数字')
      .default(''),
    hours: text('办公时间').default(''),
    phone: text('联系电话', 50).default(''),
    fax: text('传真', 50).default(''),
    email: z.union([z.literal(''), z.string().trim().email('电子邮箱格式不正确')]).default(''),
  }),
  docNoPrefixes: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  sortOrder: z.number().int().default(0),
});

export type AgencyInput = z.input<typeof agencyInputSchema>;
export type ValidAgencyInput = Omit<Agency, 'id'>;

export function parseAgencyInput(input: unknown): ValidAgencyInput {
  const r = agencyInputSchema.safeParse(input);
  if (!r.success) {
    const fields: Record<string, string> = {};
    for (const issue of r.error.issues) {
      const key = issue.path.join('.');
      fields[key] ??= issue.message;
    }
    throw validationFailed(fields);
  }
  const v = r.data;
  return {
    parentId: v.parentId || null,
    name: v.name,
    shortName: v.shortName,
    creditCode: v.creditCode,
    divisionCode: v.divisionCode,
    level: v.level,
    calendarRegion: v.calendarRegion ?? null,
    pathSegment: v.pathSegment,
    supervisorId: v.supervisorId || null,
    reconsiderationBody: v.reconsiderationBody,
    reconsiderationBodyReason: v.reconsiderationBodyReason,
    deliveryMarginDays: v.deliveryMarginDays,
    hasRulemakingPower: v.hasRulemakingPower ?? defaultRulemakingPower(v.level),
    office: v.office,
    docNoPrefixes: v.docNoPrefixes,
    sortOrder: v.sortOrder,
  };
}
