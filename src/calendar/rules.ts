/**
 * Statutory periods and receipt channels as data. Every clock in the platform is one of these rules run by
 * the engine in clock.ts over a case's events; items tagged [M] in the spec stay data so they can change.
 */

export interface ClockRule {
  id: string;
  /** Chinese label for explanations and pages. */
  label: string;
  /** Working days, the start day not counted. */
  periodDays: number;
  /** Maximum total extension in working days (0: no extension allowed). */
  maxExtensionDays: number;
  /** The article the period comes from, as shown to users. */
  basis: string;
}

/** 条例 Art. 33 ¶2: reply within 20 working days of receipt; extension approved by the head of the disclosure office, ≤ 20 working days. */
export const REQUEST_REPLY: ClockRule = {
  id: 'request_reply',
  label: '依申请公开答复期限',
  periodDays: 20,
  maxExtensionDays: 20,
  basis: '《政府信息公开条例》第三十三条',
};

/** 条例 Art. 30: notify the applicant once, within 7 working days of receipt, what must be corrected. */
export const CLARIFICATION_NOTICE: ClockRule = {
  id: 'clarification_notice',
  label: '补正告知期限',
  periodDays: 7,
  maxExtensionDays: 0,
  basis: '《政府信息公开条例》第三十条',
};

/** 条例 Art. 32: a third party answers within 15 working days of receiving the consultation letter. */
export const THIRD_PARTY_OPINION: ClockRule = {
  id: 'third_party_opinion',
  label: '第三方提出意见期限',
  periodDays: 15,
  maxExtensionDays: 0,
  basis: '《政府信息公开条例》第三十二条',
};

/** 条例 Art. 34: a co-making agency answers within 15 working days. */
export const CO_MAKER_OPINION: ClockRule = {
  id: 'co_maker_opinion',
  label: '共同制作机关提出意见期限',
  periodDays: 15,
  maxExtensionDays: 0,
  basis: '《政府信息公开条例》第三十四条',
};

/** 国办函〔2020〕109号 (via the Sichuan notice, [C]): pay within 20 working days from the day after receiving the fee notice. */
export const FEE_PAYMENT: ClockRule = {
  id: 'fee_payment',
  label: '缴纳信息处理费期限',
  periodDays: 20,
  maxExtensionDays: 0,
  basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
};

/**
 * Working days a posted letter is presumed to travel, when the agency has not set its own [K]: it bounds the
 * pauses (the consulted party's 15 days run from receiving the letter) and presumes the day a notice arrives.
 */
export const DEFAULT_DELIVERY_MARGIN_DAYS = 3;

/** Reply promise for public messages (留言): set per agency and category, e.g. 3 working days in the seed report. */
export function messageReplyRule(days: number, label = '留言答复时限'): ClockRule {
  return {
    id: `message_reply_${days}`,
    label,
    periodDays: days,
    maxExtensionDays: 0,
    basis: '本机关留言办理承诺',
  };
}

/** The event that fixes the day of receipt for each channel (条例 Art. 31). */
export type ReceiptEvent = 'submitted' | 'signed_for' | 'receipt_confirmed';

export type ReceiptChannel = 'in_person' | 'post_signed' | 'post_ordinary' | 'online' | 'fax' | 'email';

export const RECEIPT_CHANNELS: Record<
  ReceiptChannel,
  { label: string; receiptEvent: ReceiptEvent; basis: string }
> = {
  /** Art. 31(一): in person — the day the application is submitted. */
  in_person: {
    label: '当面提交',
    receiptEvent: 'submitted',
    basis: '《政府信息公开条例》第三十一条第（一）项',
  },
  /** Art. 31(二): mail requiring signature — the day the agency signs for it. */
  post_signed: {
    label: '邮寄（需签收）',
    receiptEvent: 'signed_for',
    basis: '《政府信息公开条例》第三十一条第（二）项',
  },
  /** Art. 31(二): ordinary mail — the day the office confirms with the applicant (on the day it arrives). */
  post_ordinary: {
    label: '平常信函',
    receiptEvent: 'receipt_confirmed',
    basis: '《政府信息公开条例》第三十一条第（二）项',
  },
  /** Art. 31(三): internet channel — the day both sides confirm. */
  online: {
    label: '互联网渠道',
    receiptEvent: 'receipt_confirmed',
    basis: '《政府信息公开条例》第三十一条第（三）项',
  },
  /** Art. 31(三): the office's fax — the day both sides confirm. */
  fax: {
    label: '传真',
    receiptEvent: 'receipt_confirmed',
    basis: '《政府信息公开条例》第三十一条第（三）项',
  },
  /** E-mail is a data message (Art. 29); treated like the internet channel. */
  email: {
    label: '电子邮件',
    receiptEvent: 'receipt_confirmed',
    basis: '《政府信息公开条例》第三十一条第（三）项',
  },
};
