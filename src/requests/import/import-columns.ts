/**
 * The columns of the historical-case import file (an agency starting mid-year brings its earlier cases so the
 * year's table 三 is complete): Chinese headers, the form field each fills, and the words accepted in it.
 * Pure: shared by the template, the parser and the error messages.
 */
import { RECEIPT_CHANNELS, type ReceiptChannel } from '../../calendar/rules.js';
import { DEFAULT_OUTCOME_ROWS, OUTCOMES, type Outcome } from '../../statute/outcomes.js';
import { APPLICANT_KIND_LABEL, ID_DOCUMENT_TYPES } from '../applicant.js';
import { DELIVERIES, FORMS } from '../intake.js';
import { REPLY_TYPES } from '../reply-types.js';

interface ImportColumn {
  header: string;
  /** The application form field it fills (parseApplication's names), or an import-only key. */
  field: string;
  required: boolean;
  /** Accepted words → stored code; absent for free text. */
  choices?: Record<string, string>;
  example: string;
  note: string;
}

const invert = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));

/** The reply types a historical case may have ended with: every outcome except the procedural "split" ones. */
const IMPORT_OUTCOMES: Record<string, Outcome> = Object.fromEntries(
  OUTCOMES.map((o) => [DEFAULT_OUTCOME_ROWS[o].label, o]),
);

const CHANNEL_CHOICES: Record<string, ReceiptChannel> = Object.fromEntries(
  (Object.keys(RECEIPT_CHANNELS) as ReceiptChannel[]).map((c) => [RECEIPT_CHANNELS[c].label, c]),
);

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    header: '提交方式',
    field: 'channel',
    required: true,
    choices: CHANNEL_CHOICES,
    example: '当面提交',
    note: Object.keys(CHANNEL_CHOICES).join('、'),
  },
  {
    header: '收到申请日期',
    field: 'receivedOn',
    required: true,
    example: '2025-03-03',
    note: '按条例第三十一条确定的收到申请之日，格式 YYYY-MM-DD',
  },
  {
    header: '申请人类型',
    field: 'applicantKind',
    required: true,
    choices: invert(APPLICANT_KIND_LABEL),
    example: '自然人',
    note: Object.values(APPLICANT_KIND_LABEL).join('、'),
  },
  { header: '姓名或名称', field: 'name', required: true, example: '张三', note: '' },
  {
    header: '证件类型',
    field: 'idType',
    required: false,
    choices: invert(ID_DOCUMENT_TYPES),
    example: '居民身份证',
    note: `自然人必填：${Object.values(ID_DOCUMENT_TYPES).join('、')}`,
  },
  {
    header: '证件号码',
    field: 'idNumber',
    required: false,
    example: '11010519491231002X',
    note: '自然人必填；居民身份证号码核对校验位',
  },
  {
    header: '统一社会信用代码',
    field: 'creditCode',
    required: false,
    example: '',
    note: '法人或者其他组织必填，核对校验位',
  },
  {
    header: '法定代表人',
    field: 'legalRepresentative',
    required: false,
    example: '',
    note: '法人或者其他组织必填',
  },
  { header: '联系人', field: 'contactName', required: false, example: '', note: '法人或者其他组织必填' },
  {
    header: '联系电话',
    field: 'phone',
    required: true,
    example: '13800001234',
    note: '手机号码或带区号的固定电话',
  },
  {
    header: '通信地址',
    field: 'address',
    required: false,
    example: '固镇县仲兴乡某村',
    note: '选择邮寄的必填',
  },
  { header: '邮政编码', field: 'postcode', required: false, example: '', note: '6 位数字' },
  { header: '电子邮箱', field: 'email', required: false, example: '', note: '选择电子邮件获取的必填' },
  {
    header: '所需信息名称',
    field: 'infoTitle',
    required: false,
    example: '2024年仲兴乡农村道路建设项目资金使用情况',
    note: '与“特征描述”至少填一项',
  },
  { header: '文号', field: 'infoDocNo', required: false, example: '', note: '' },
  { header: '特征描述', field: 'infoDescription', required: false, example: '', note: '' },
  {
    header: '提供形式',
    field: 'form',
    required: true,
    choices: invert(FORMS),
    example: '电子',
    note: Object.values(FORMS).join('、'),
  },
  {
    header: '获取方式',
    field: 'delivery',
    required: true,
    choices: invert(DELIVERIES),
    example: '网上获取',
    note: Object.values(DELIVERIES).join('、'),
  },
  {
    header: '答复类型',
    field: 'outcome',
    required: false,
    choices: IMPORT_OUTCOMES,
    example: '予以公开',
    note: '已办结的填年报表三的办理结果名称；在办的留空',
  },
  {
    header: '答复日期',
    field: 'outcomeOn',
    required: false,
    example: '2025-03-20',
    note: '已办结的必填（答复或终止之日），格式 YYYY-MM-DD',
  },
];

/** Reply types that end a case without a reply (withdrawal, abandonment, unpaid fee). */
export const isEnding = (o: Outcome) => REPLY_TYPES[o].kind === 'ending' && o !== 'otherTermination';
