/**
 * Checks before publishing (保密审查, issue 6): what a reviewer must see and confirm. Personal data in the body
 * or in the attachments' text (a 低保 list with ID numbers is the classic leak), blank metadata that Art. 12
 * requires in the catalog, and 三同步: a normative document needs its interpretation or a recorded exemption.
 * Pure: the caller passes the texts.
 */
import { maskMiddle } from '../../platform/personal-data.js';
import { checkAgencyNames, checkLeaderNames } from '../site/name-check.js';
import type { NameRegister } from '../site/site-identity.js';

type CheckCode =
  'personal_data' | 'sensitive_words' | 'name_mismatch' | 'missing_metadata' | 'interpretation_missing';

export interface CheckFinding {
  code: CheckCode;
  /** Blocking findings cannot be acknowledged away; the item must change. */
  blocking: boolean;
  message: string;
  /** Where it was found: 正文, or an attachment's file name. */
  where?: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 check character of an 18-digit citizen ID number. */
export function isCitizenIdNumber(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}

/** Luhn check used by bank cards. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

interface PersonalDataHit {
  kind: '身份证号' | '手机号码' | '银行卡号';
  masked: string;
}

/** Finds ID, mobile and bank-card numbers in text; numbers are returned masked. */
export function findPersonalData(text: string): PersonalDataHit[] {
  const hits: PersonalDataHit[] = [];
  for (const m of text.matchAll(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g)) {
    if (isCitizenIdNumber(m[0])) hits.push({ kind: '身份证号', masked: maskMiddle(m[0], 6, 4) });
  }
  for (const m of text.matchAll(/(?<!\d)1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g)) {
    hits.push({ kind: '手机号码', masked: maskMiddle(m[0].replace(/[ -]/g, ''), 3, 4) });
  }
  for (const m of text.matchAll(/(?<!\d)(?:\d{4}[ ]?){3}\d{4}(?:\d{1,3})?(?!\d)/g)) {
    const digits = m[0].replace(/ /g, '');
    if (digits.length >= 16 && digits.length <= 19 && !isCitizenIdNumber(digits) && passesLuhn(digits))
      hits.push({ kind: '银行卡号', masked: maskMiddle(digits, 4, 4) });
  }
  return hits;
}

export interface CheckInput {
  title: string;
  summary: string;
  issuer: string;
  writtenOn: string | null;
  bodyText: string;
  attachments: Array<{ fileName: string; text: string }>;
  normative: boolean;
  /** Published or submitted interpretations linked to this document. */
  interpretationCount: number;
  interpretationExemption: string;
  /** The agency's sensitive-word list. */
  sensitiveWords?: readonly string[];
  /** The agency's register of leaders and agency names (name-check.ts). */
  names?: NameRegister;
}

export function prepublicationChecks(i: CheckInput): CheckFinding[] {
  const out: CheckFinding[] = [];
  const personal = (where: string, text: string) => {
    const hits = findPersonalData(text);
    if (!hits.length) return;
    const sample = hits
      .slice(0, 3)
      .map((h) => `${h.kind} ${h.masked}`)
      .join('、');
    out.push({
      code: 'personal_data',
      blocking: false,
      where,
      message: `${where}中发现 ${hits.length} 处疑似个人信息（${sample}${hits.length > 3 ? ' 等' : ''}），请确认已依法处理或删除后再公开。`,
    });
  };
  personal('正文', `${i.title} ${i.summary} ${i.bodyText}`);
  for (const a of i.attachments) personal(`附件“${a.fileName}”`, a.text);
  const texts = [`${i.title} ${i.summary} ${i.bodyText}`, ...i.attachments.map((a) => a.text)].join('\n');
  const words = (i.sensitiveWords ?? []).filter((w) => w && texts.includes(w));
  if (words.length)
    out.push({
      code: 'sensitive_words',
      blocking: false,
      message: `发现本机关敏感词：${words.slice(0, 10).join('、')}，请核实后再公开。`,
    });
  if (i.names) {
    const found = [...checkLeaderNames(texts, i.names), ...checkAgencyNames(texts, i.names.agencies)];
    if (found.length)
      out.push({
        code: 'name_mismatch',
        blocking: false,
        message: `以下领导姓名或机构名称与本机关名单不一致：${found
          .slice(0, 5)
          .map((f) => `“${f.found}”（名单为：${f.expected}）`)
          .join('；')}${found.length > 5 ? ' 等' : ''}，请核实后再公开。`,
      });
  }
  // Art. 12 ¶3: 索引、名称、内容概述、生成日期 are the catalog's minimum (the index number is issued on publishing).
  const missing = [
    !i.title.trim() && '名称',
    !i.summary.trim() && '内容概述',
    !i.writtenOn && '成文日期',
    !i.issuer.trim() && '发布机构',
  ].filter(Boolean);
  if (missing.length)
    out.push({
      code: 'missing_metadata',
      blocking: true,
      message: `以下必填信息为空：${missing.join('、')}。`,
    });
  if (i.normative && i.interpretationCount === 0 && !i.interpretationExemption.trim())
    out.push({
      code: 'interpretation_missing',
      blocking: true,
      message: '规范性文件须与政策解读同步发布（三同步）：请先关联政策解读，或填写不解读的理由。',
    });
  return out;
}
