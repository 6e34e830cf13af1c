/**
 * The application's content (条例 Art. 29) and its day of receipt by channel (Art. 31). Pure.
 */
import { isIsoDate, type IsoDate } from '../calendar/dates.js';
import { RECEIPT_CHANNELS, type ReceiptChannel, type ReceiptEvent } from '../calendar/rules.js';
import { parseApplicant, type ApplicantInput } from './applicant.js';
import { formText } from '../platform/form-values.js';

export const FORMS = { paper: '纸质', electronic: '电子', inspection: '查阅' } as const;
export const DELIVERIES = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '自行领取',
  online: '网上获取',
} as const;
export type ProvisionForm = keyof typeof FORMS;
export type Delivery = keyof typeof DELIVERIES;

/** Channels staff register (the online channel is the public form). Oral applications are taken in person (Art. 29). */
export const STAFF_CHANNELS = ['in_person', 'post_signed', 'post_ordinary', 'fax', 'email'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

interface InformationSought {
  title: string;
  docNo: string;
  indexNo: string;
  description: string;
}

export interface ApplicationContent {
  applicant: ApplicantInput;
  info: InformationSought;
  form: ProvisionForm;
  delivery: Delivery;
  purpose: string;
  helpRequested: boolean;
  agent: { name: string; phone: string } | null;
}

type Form = Record<string, unknown>;

/** Parses a whole application form; field errors in Chinese keyed by field name. */
export function parseApplication(f: Form): { content?: ApplicationContent; errors: Record<string, string> } {
  const { applicant, errors } = parseApplicant(f);
  const info = {
    title: formText(f.infoTitle),
    docNo: formText(f.infoDocNo),
    indexNo: formText(f.infoIndexNo),
    description: formText(f.infoDescription),
  };
  // Art. 29 (二): the name, 文号 or another description that identifies the information.
  if (!info.title && !info.description)
    errors.infoTitle = '请填写所需政府信息的名称，或者其他有助于确定该信息的特征描述';
  if (info.title.length > 200) errors.infoTitle = '信息名称不能超过 200 个字';
  if (info.description.length > 2000) errors.infoDescription = '特征描述不能超过 2000 个字';
  const form = formText(f.form) as ProvisionForm;
  const delivery = formText(f.delivery) as Delivery;
  if (!(form in FORMS)) errors.form = '请选择信息的提供形式';
  if (!(delivery in DELIVERIES)) errors.delivery = '请选择获取信息的方式';
  if (delivery === 'email' && applicant && !applicant.email)
    errors.email = '选择电子邮件获取的，请填写电子邮箱';
  if (delivery === 'post' && applicant && !applicant.address) errors.address = '选择邮寄的，请填写通信地址';
  const agentName = formText(f.agentName);
  const agent = agentName ? { name: agentName, phone: formText(f.agentPhone) } : null;
  const purpose = formText(f.purpose);
  if (purpose.length > 500) errors.purpose = '用途说明不能超过 500 个字';
  if (Object.keys(errors).length || !applicant) return { errors };
  return {
    content: {
      applicant,
      info,
      form,
      delivery,
      purpose,
      helpRequested: f.helpRequested === 'on' || f.helpRequested === true,
      agent,
    },
    errors,
  };
}

interface ReceiptDates {
  submittedOn?: string;
  signedForOn?: string;
  confirmedOn?: string;
}

/**
 * Art. 31: (一) in person — the day submitted; (二) mail that must be signed for — the day the agency signs;
 * ordinary mail — the day the office confirms with the applicant; (三) internet or fax — the day both sides confirm.
 */
export function receiptOf(
  channel: ReceiptChannel,
  dates: ReceiptDates,
  today: IsoDate,
): { day?: IsoDate; event?: ReceiptEvent; errors: Record<string, string> } {
  const field: Record<ReceiptChannel, keyof ReceiptDates> = {
    in_person: 'submittedOn',
    post_signed: 'signedForOn',
    post_ordinary: 'confirmedOn',
    online: 'confirmedOn',
    fax: 'confirmedOn',
    email: 'confirmedOn',
  };
  const name = field[channel];
  const label: Record<keyof ReceiptDates, string> = {
    submittedOn: '当面提交日期',
    signedForOn: '签收日期',
    confirmedOn: '与申请人确认收到的日期',
  };
  const value = channel === 'in_person' ? dates.submittedOn || today : dates[name];
  if (!value) return { errors: { [name]: `请填写${label[name]}（${RECEIPT_CHANNELS[channel].basis}）` } };
  if (!isIsoDate(value)) return { errors: { [name]: `${label[name]}格式应为 YYYY-MM-DD` } };
  if (value > today) return { errors: { [name]: `${label[name]}不能晚于今天` } };
  return { day: value, event: RECEIPT_CHANNELS[channel].receiptEvent, errors: {} };
}
