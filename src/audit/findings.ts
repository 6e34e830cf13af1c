/**
 * The auditor's findings and its rule codes. The codes are a contract (issue 8): tools and supervisors
 * filter on them, so they never change meaning; a new check gets a new code. Each code is documented
 * here with its default severity.
 */
import type { TableId } from '../reports/model/index.js';

export type Severity = 'error' | 'warning' | 'info';

export const RULES = {
  'format.outdated': {
    severity: 'error',
    title: '使用了过时的年报格式（2021 年度起应使用国办公开办函〔2021〕30号格式）',
  },
  'format.unknown': { severity: 'warning', title: '无法判断表格采用的年报格式' },
  'section.missing': { severity: 'error', title: '缺少年报规定的部分' },
  'table.missing': { severity: 'error', title: '缺少统计表' },
  'table.row_missing': { severity: 'error', title: '统计表缺少行' },
  'cell.blank': { severity: 'warning', title: '单元格为空（应填写数字，没有的填 0）' },
  'cell.invalid': { severity: 'error', title: '单元格内容不是有效的数字' },
  'identity.carryover': { severity: 'error', title: '表三勾稽关系不成立：一 + 二 ≠ 三（七）+ 四' },
  'identity.row_total': { severity: 'error', title: '表三“总计”列不等于各类申请人之和' },
  'identity.result_total': { severity: 'error', title: '表三（七）总计不等于各办理结果之和' },
  'identity.review_total': { severity: 'error', title: '表四“总计”不等于各结果之和' },
  'narrative.mismatch': { severity: 'warning', title: '正文中的数字与统计表不一致' },
  'content.template_text': { severity: 'warning', title: '保留了模板中的填写说明' },
  'content.implausible': { severity: 'warning', title: '数据不合常理' },
  'content.copied': { severity: 'warning', title: '疑似照抄其他地区或机关的内容' },
  'content.missing_required': { severity: 'warning', title: '缺少条例要求报告的内容' },
  'document.truncated': { severity: 'warning', title: '文档不完整（截断或有一段连续缺失）' },
  'document.image_only': { severity: 'error', title: '文档只有图片，没有文字' },
  'document.unreadable': { severity: 'error', title: '文档无法读取' },
  'document.partly_read': { severity: 'warning', title: '文档只能部分读取' },
  'publish.late': { severity: 'warning', title: '年报发布晚于法定期限' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type RuleCode = keyof typeof RULES;

export interface Location {
  /** 1–6, the report's section. */
  section?: number;
  table?: TableId;
  rowId?: string;
  rowLabel?: string;
  columnId?: string;
  columnLabel?: string;
  /** Source position: line in the text (or extracted text), cell index within the line, PDF page. */
  line?: number;
  cell?: number;
  page?: number;
}

export interface AuditFinding {
  ruleId: RuleCode;
  severity: Severity;
  message: string;
  location: Location;
  expected?: number | string;
  actual?: number | string;
}

export function finding(
  ruleId: RuleCode,
  message: string,
  location: Location = {},
  extra: { expected?: number | string; actual?: number | string; severity?: Severity } = {},
): AuditFinding {
  const { severity, ...values } = extra;
  return { ruleId, severity: severity ?? RULES[ruleId].severity, message, location, ...values };
}

export const SECTION_NAMES = ['一', '二', '三', '四', '五', '六'] as const;
export const TABLE_NAMES: Record<TableId, string> = { t2: '表二', t3: '表三', t4: '表四' };
