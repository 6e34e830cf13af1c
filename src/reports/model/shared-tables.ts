/**
 * Tables 三 and 四, shared by both formats: the 2019 and 2021 templates differ in table 三 only in
 * （六）其他处理 (one row in 2019, three sub-rows in 2021; statutory.md §3.2). Labels are the form's exact text
 * (statutory.md §2.3, §2.4).
 */
import { APPLICANT_KINDS, type ApplicantKind } from '../../statute/applicant-kinds.js';
import type { ColumnDef, FormatVersion, RowDef, SectionDef, TableLayout } from './types.js';

const APPLICANT = '申请人情况';
const ORGANISATION = '法人或其他组织';

/** Table 三's seven columns, in the form's order. */
export const TABLE3_COLUMNS: readonly ColumnDef[] = [
  { id: 'natural', label: '自然人', groups: [APPLICANT], kind: 'count' },
  { id: 'commercial', label: '商业企业', groups: [APPLICANT, ORGANISATION], kind: 'count' },
  { id: 'research', label: '科研机构', groups: [APPLICANT, ORGANISATION], kind: 'count' },
  { id: 'publicInterest', label: '社会公益组织', groups: [APPLICANT, ORGANISATION], kind: 'count' },
  { id: 'legalService', label: '法律服务机构', groups: [APPLICANT, ORGANISATION], kind: 'count' },
  { id: 'other', label: '其他', groups: [APPLICANT, ORGANISATION], kind: 'count' },
  { id: 'total', label: '总计', groups: [APPLICANT], kind: 'count' },
];

/** The six applicant kinds (every column but 总计). */
export { APPLICANT_KINDS, type ApplicantKind };

export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function row(id: string, label: string, parentId?: string): RowDef {
  return { id, label, heading: false, columns: TABLE3_COLUMNS, ...(parentId ? { parentId } : {}) };
}
function heading(id: string, label: string, parentId?: string): RowDef {
  return { id, label, heading: true, columns: [], ...(parentId ? { parentId } : {}) };
}

export function table3Layout(version: FormatVersion): TableLayout {
  const other: RowDef[] =
    version === '2021'
      ? [
          heading('t3.r3.6', '（六）其他处理', 't3.r3'),
          row('t3.r3.6.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 't3.r3.6'),
          row(
            't3.r3.6.2',
            '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
            't3.r3.6',
          ),
          row('t3.r3.6.3', '3.其他', 't3.r3.6'),
        ]
      : [row('t3.r3.6', '（六）其他处理', 't3.r3')];
  return {
    id: 't3',
    title: '三、收到和处理政府信息公开申请情况',
    note: TABLE3_NOTE,
    rows: [
      row('t3.r1', '一、本年新收政府信息公开申请数量'),
      row('t3.r2', '二、上年结转政府信息公开申请数量'),
      heading('t3.r3', '三、本年度办理结果'),
      row('t3.r3.1', '（一）予以公开', 't3.r3'),
      row('t3.r3.2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 't3.r3'),
      heading('t3.r3.3', '（三）不予公开', 't3.r3'),
      row('t3.r3.3.1', '1.属于国家秘密', 't3.r3.3'),
      row('t3.r3.3.2', '2.其他法律行政法规禁止公开', 't3.r3.3'),
      row('t3.r3.3.3', '3.危及“三安全一稳定”', 't3.r3.3'),
      row('t3.r3.3.4', '4.保护第三方合法权益', 't3.r3.3'),
      row('t3.r3.3.5', '5.属于三类内部事务信息', 't3.r3.3'),
      row('t3.r3.3.6', '6.属于四类过程性信息', 't3.r3.3'),
      row('t3.r3.3.7', '7.属于行政执法案卷', 't3.r3.3'),
      row('t3.r3.3.8', '8.属于行政查询事项', 't3.r3.3'),
      heading('t3.r3.4', '（四）无法提供', 't3.r3'),
      row('t3.r3.4.1', '1.本机关不掌握相关政府信息', 't3.r3.4'),
      row('t3.r3.4.2', '2.没有现成信息需要另行制作', 't3.r3.4'),
      row('t3.r3.4.3', '3.补正后申请内容仍不明确', 't3.r3.4'),
      heading('t3.r3.5', '（五）不予处理', 't3.r3'),
      row('t3.r3.5.1', '1.信访举报投诉类申请', 't3.r3.5'),
      row('t3.r3.5.2', '2.重复申请', 't3.r3.5'),
      row('t3.r3.5.3', '3.要求提供公开出版物', 't3.r3.5'),
      row('t3.r3.5.4', '4.无正当理由大量反复申请', 't3.r3.5'),
      row('t3.r3.5.5', '5.要求行政机关确认或重新出具已获取信息', 't3.r3.5'),
      ...other,
      row('t3.r3.7', '（七）总计', 't3.r3'),
      row('t3.r4', '四、结转下年度继续办理'),
    ],
  };
}

/** Table 三's row ids with a fixed meaning in the 勾稽关系 (statutory.md §2.5). */
export const T3 = {
  received: 't3.r1',
  carriedOver: 't3.r2',
  outcomeTotal: 't3.r3.7',
  carriedForward: 't3.r4',
} as const;

/** Table 四's three column groups and four result columns (statutory.md §2.4). */
export const T4_GROUPS = ['review', 'direct', 'afterReview'] as const;
export type Table4Group = (typeof T4_GROUPS)[number];
export const T4_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type Table4Result = (typeof T4_RESULTS)[number];

const RESULT_LABELS: Record<Table4Result | 'total', string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
const GROUP_HEADERS: Record<Table4Group, readonly string[]> = {
  review: ['行政复议'],
  direct: ['行政诉讼', '未经复议直接起诉'],
  afterReview: ['行政诉讼', '复议后起诉'],
};

/** Table 四's fifteen columns, in the form's order. */
const TABLE4_COLUMNS: readonly ColumnDef[] = T4_GROUPS.flatMap((g) =>
  [...T4_RESULTS, 'total' as const].map((r): ColumnDef => ({
    id: `${g}.${r}`,
    label: RESULT_LABELS[r],
    groups: GROUP_HEADERS[g],
    kind: 'count',
  })),
);

/** Table 四 has a single data row; the form prints no label for it. */
export const T4_ROW = 't4.r1';

export const TABLE4_LAYOUT: TableLayout = {
  id: 't4',
  title: '四、政府信息公开行政复议、行政诉讼情况',
  rows: [{ id: T4_ROW, label: '', heading: false, columns: TABLE4_COLUMNS }],
};

export const SECTIONS: readonly SectionDef[] = [
  { id: 's1', label: '一、总体情况' },
  { id: 's2', label: '二、主动公开政府信息情况', table: 't2' },
  { id: 's3', label: '三、收到和处理政府信息公开申请情况', table: 't3' },
  { id: 's4', label: '四、政府信息公开行政复议、行政诉讼情况', table: 't4' },
  { id: 's5', label: '五、存在的主要问题及改进情况' },
  { id: 's6', label: '六、其他需要报告的事项' },
];
