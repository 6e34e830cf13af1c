/**
 * The applicant (申请人, 条例 Art. 29 (一)): a natural person with an identity document, or an organisation with
 * its unified social credit code and its kind — the kinds are exactly the annual report's table 三 columns.
 * Pure validation; returns Chinese field messages, never throws.
 */
import { creditCodeMessage, creditCodeProblem } from '../access/credit-code.js';
import type { ApplicantKind } from '../statute/applicant-kinds.js';
import { daysInMonth } from '../calendar/dates.js';
import { formText } from '../platform/form-values.js';

const ORGANISATION_KINDS = ['commercial', 'research', 'publicInterest', 'legalService', 'other'] as const;
type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const APPLICANT_KIND_LABEL: Record<ApplicantKind, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  other: '其他组织',
};

export const ID_DOCUMENT_TYPES = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent: '外国人永久居留身份证',
  other: '其他有效身份证件',
} as const;
type IdDocumentType = keyof typeof ID_DOCUMENT_TYPES;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999: the check character of an 18-character 公民身份号码 (weights 2^(17-i) mod 11, ISO 7064 MOD 11-2). */
export function residentIdCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11];
}

/** Undefined when valid; otherwise the Chinese problem. Checks length, birth date and the check character. */
export function residentIdProblem(raw: string): string | undefined {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '居民身份证号码应为 18 位，最后一位可以是数字或 X';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1800 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return '居民身份证号码中的出生日期无效';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return '居民身份证号码校验位不正确，请核对';
  return undefined;
}

export type ApplicantInput =
  | {
      kind: 'natural';
      name: string;
      idType: IdDocumentType;
      idNumber: string;
      phone: string;
      address: string;
      postcode: string;
      email: string;
    }
  | {
      kind: OrganisationKind;
      name: string;
      creditCode: string;
      legalRepresentative: string;
      contactName: string;
      phone: string;
      address: string;
      postcode: string;
      email: string;
    };

type Form = Record<string, unknown>;

/** Parses the applicant part of a form; `errors` is keyed by field name. */
export function parseApplicant(f: Form): { applicant?: ApplicantInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kind = formText(f.applicantKind);
  const name = formText(f.name);
  const phone = formText(f.phone).replace(/[\s-]/g, '');
  const address = formText(f.address);
  const postcode = formText(f.postcode);
  const email = formText(f.email);
  if (!name) errors.name = kind === 'natural' ? '请填写申请人姓名' : '请填写申请人名称';
  else if (name.length > 100) errors.name = '名称不能超过 100 个字';
  if (!/^(1\d{10}|0\d{2,3}\d{7,8})$/.test(phone))
    errors.phone = '请填写有效的联系电话（手机号码或带区号的固定电话）';
  if (postcode && !/^\d{6}$/.test(postcode)) errors.postcode = '邮政编码应为 6 位数字';
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = '电子邮箱格式不正确';
  if (address.length > 200) errors.address = '通信地址不能超过 200 个字';
  if (kind === 'natural') {
    const idType = formText(f.idType) as IdDocumentType;
    const idNumber = formText(f.idNumber).toUpperCase();
    if (!(idType in ID_DOCUMENT_TYPES)) errors.idType = '请选择身份证件类型';
    if (!idNumber) errors.idNumber = '请填写身份证件号码';
    else if (idType === 'resident_id') {
      const p = residentIdProblem(idNumber);
      if (p) errors.idNumber = p;
    } else if (idNumber.length > 40) errors.idNumber = '身份证件号码过长';
    if (Object.keys(errors).length) return { errors };
    return { applicant: { kind, name, idType, idNumber, phone, address, postcode, email }, errors };
  }
  if (!(ORGANISATION_KINDS as readonly string[]).includes(kind)) {
    errors.applicantKind = '请选择申请人类型（自然人或法人、其他组织的类别）';
    return { errors };
  }
  const creditCode = formText(f.creditCode).toUpperCase();
  const problem = creditCodeProblem(creditCode);
  if (problem) errors.creditCode = creditCodeMessage[problem];
  const legalRepresentative = formText(f.legalRepresentative);
  const contactName = formText(f.contactName);
  if (!legalRepresentative) errors.legalRepresentative = '请填写法定代表人或者主要负责人';
  if (!contactName) errors.contactName = '请填写联系人姓名';
  if (Object.keys(errors).length) return { errors };
  return {
    applicant: {
      kind: kind as OrganisationKind,
      name,
      creditCode,
      legalRepresentative,
      contactName,
      phone,
      address,
      postcode,
      email,
    },
    errors,
  };
}

/** The value the blind index is computed over: who the applicant is, whatever the spelling of the form. */
export function applicantIdentity(a: ApplicantInput): string {
  return a.kind === 'natural' ? `P:${a.idType}:${a.idNumber}` : `O:${a.creditCode}`;
}
