/**
 * The text of each notice (pure): addressee, title, 文号, body paragraphs, signature and date. Reply notices state
 * the decision with its basis (reply-types.ts) and the applicant's remedies (calendar/remedies-statement.ts): for
 * a refusal (including the withheld part of 部分公开) reconsideration first (行政复议法 Art. 23), otherwise
 * reconsideration within 60 days or a lawsuit within 6 months, before the 复议机关 of access/review-body.ts.
 */
import type { Agency } from '../../access/agency.js';
import { formatDateZh } from '../../calendar/dates.js';
import { remedyStatement } from '../../calendar/remedies-statement.js';
import type { CaseEvent } from '../case-clock.js';
import type { DraftReply } from '../actions/draft-reply.js';
import { REPLY_TYPES } from '../reply-types.js';
import { NOTICE_KINDS, type NoticeKind } from './notice-kinds.js';
import { slotText, type Placeholder, type TemplateTexts } from './notice-templates.js';

export interface NoticeText {
  title: string;
  docNo: string;
  addressee: string;
  paragraphs: string[];
  signature: string;
  date: string;
}

export interface NoticeCase {
  year: number;
  regNo: number;
  applicantName: string;
  infoTitle: string;
  receivedOn: string;
  dueDate: string | null;
  reply: DraftReply | null;
  events: readonly CaseEvent[];
  /** The agency's 复议机关 (access/review-body.ts `reviewBodyOf`); null when it cannot be named. */
  reviewBody: string | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

const CODE: Record<NoticeKind, string> = {
  receipt: '受',
  clarification: '补',
  extension: '延',
  delay: '迟',
  fee: '费',
  consultation: '征',
  objection: '告',
  reply: '答',
};

/**
 * Days a consulted party has to answer: 15 working days from receiving the letter for a third party (Art. 32)
 * and a co-maker (Art. 34). The Regulation sets no period for other agencies (Art. 33 ¶3); the same 15 days
 * is our choice [M].
 */
const CONSULTATION_WORKING_DAYS = 15;
/**
 * Art. 32 requires the third party to be told before disclosure over its objection but sets no waiting period;
 * waiting 15 working days so it can seek a remedy first is common practice, not the Regulation's text [M].
 */
const OBJECTION_WAIT_WORKING_DAYS = 15;

const PARTY_TITLE = {
  third_party: '政府信息公开征求第三方意见书',
  co_maker: '政府信息公开征求共同制作机关意见函',
  other_agency: '政府信息公开征求意见函',
} as const;

/**
 * The notice `kind` of a case; `ref` names the consultation for the per-consultation notices. Their 文号 carry
 * the consultation's order in the case when there is more than one (〔2025〕7-2号). `texts` is the agency's
 * template for the kind (notice-templates.ts): it words the opening, closing, contact line and decision
 * sentence only; the statutory sentences below are always written.
 */
export function noticeText(
  kind: NoticeKind,
  agency: Agency,
  c: NoticeCase,
  today: string,
  ref?: string,
  texts: TemplateTexts = {},
): NoticeText {
  const prefix = agency.docNoPrefixes[0] ?? agency.shortName;
  const started = c.events.filter((e) => e.type === 'consultation_started');
  const consultation = started.find((e) => e.data.ref === ref);
  const order = consultation && started.length > 1 ? `-${started.indexOf(consultation) + 1}` : '';
  const docNo = `${prefix}依申${CODE[kind]}〔${c.year}〕${c.regNo}${order}号`;
  const last = (t: string) => [...c.events].reverse().find((e) => e.type === t);
  const values: Record<Placeholder, string> = {
    // Letters to a consulted party never name the applicant.
    申请人: kind === 'consultation' || kind === 'objection' ? '' : c.applicantName,
    收到日期: formatDateZh(c.receivedOn, false),
    答复期限: c.dueDate ? formatDateZh(c.dueDate, false) : '',
    文号: docNo,
    机关名称: agency.name,
    所需信息: c.infoTitle,
    联系电话: agency.office?.phone ?? '',
    办公地址: agency.office?.address ?? '',
  };
  const slot = (id: string) => slotText(kind, id, texts, values);
  const subject = slot('opening');
  const application = subject;
  let title: string = NOTICE_KINDS[kind];
  let addressee = `${c.applicantName}：`;
  const p: string[] = [];
  if (kind === 'consultation' || kind === 'objection') {
    const answer = c.events.find((e) => e.type === 'consultation_ended' && e.data.ref === ref);
    const party = (text(consultation?.data.party) || 'third_party') as keyof typeof PARTY_TITLE;
    // Letters to the consulted party never name the applicant (their personal data is not the party's business).
    addressee = `${text(consultation?.data.consulted)}：`;
    if (kind === 'consultation') {
      title = PARTY_TITLE[party];
      if (party === 'third_party') {
        p.push(
          `${application}。经审查，该信息可能涉及贵方的商业秘密、个人隐私等合法权益。依照《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。`,
        );
        p.push(
          `请贵方自收到本征求意见书之日起${CONSULTATION_WORKING_DAYS}个工作日内提出书面意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照该条例的规定决定是否公开。`,
        );
        p.push(
          '第三方不同意公开且有合理理由的，本机关不予公开；但本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。',
        );
      } else if (party === 'co_maker') {
        p.push(
          `${application}。该信息由本机关与贵机关共同制作。依照《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵机关对是否公开的意见。`,
        );
        p.push(
          `请贵机关自收到本函之日起${CONSULTATION_WORKING_DAYS}个工作日内书面回复；逾期未回复的，视为同意公开。`,
        );
      } else {
        p.push(
          `${application}。该信息的公开需要征求贵机关的意见。依照《中华人民共和国政府信息公开条例》第三十三条第三款的规定，征求意见所需时间不计算在答复期限内。`,
        );
        p.push(`请贵机关自收到本函之日起${CONSULTATION_WORKING_DAYS}个工作日内书面回复意见。`);
      }
    } else {
      const reply = [...c.events].reverse().find((e) => e.type === 'reply_drafted');
      title = '政府信息公开第三方告知书';
      p.push(
        `${application}。本机关于${formatDateZh(consultation?.day ?? c.receivedOn, false)}就该信息书面征求贵方意见，贵方${answer ? `于${formatDateZh(answer.day, false)}` : ''}表示不同意公开${text(answer?.data.opinion) ? `（${text(answer?.data.opinion)}）` : ''}。`,
      );
      p.push(
        `经审查，本机关认为不公开可能对公共利益造成重大影响，依照《中华人民共和国政府信息公开条例》第三十二条的规定，决定予以公开。理由：${text(reply?.data.publicInterest)}`,
      );
      p.push(`决定公开的政府信息内容：${c.infoTitle}${c.reply?.text ? `。${c.reply.text}` : ''}`);
      p.push(`本机关将自本告知书送达之日起${OBJECTION_WAIT_WORKING_DAYS}个工作日后向申请人提供上述信息。`);
      p.push(remedyStatement({ refusal: false, body: c.reviewBody, on: today, subject: 'notice' }));
    }
  } else if (kind === 'receipt') {
    title = '政府信息公开申请受理回执';
    p.push(`${subject}，本机关已经收到，登记号为〔${c.year}〕第${c.regNo}号。`);
    p.push(
      `依照《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复${c.dueDate ? `（${formatDateZh(c.dueDate, false)}前）` : ''}；需要延长答复期限的，将告知您延长的理由和期限。`,
    );
  } else if (kind === 'clarification') {
    title = '政府信息公开申请补正告知书';
    const e = last('clarification_requested');
    p.push(
      `${subject}，内容不明确。依照《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项：`,
    );
    p.push(text(e?.data.items));
    p.push(
      `请您于${formatDateZh(text(e?.data.deadline), false)}前补正。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息公开申请。`,
    );
  } else if (kind === 'extension') {
    title = '政府信息公开申请延期答复告知书';
    const e = last('extended');
    p.push(
      `${subject}，因${text(e?.data.reason)}，不能在规定期限内答复。经本机关政府信息公开工作机构负责人同意，依照《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长${Number(e?.data.days ?? 0)}个工作日${c.dueDate ? `，本机关将于${formatDateZh(c.dueDate, false)}前答复` : ''}。`,
    );
  } else if (kind === 'delay') {
    title = '政府信息公开申请延迟答复告知书';
    const e = last('reply_delayed');
    p.push(
      `${subject}，申请公开政府信息的数量、频次明显超过合理范围，您说明的理由合理，但本机关无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。依照该条例第三十五条的规定，本机关确定于${formatDateZh(text(e?.data.replyBy), false)}前答复。理由：${text(e?.data.reason)}`,
    );
  } else if (kind === 'fee') {
    title = '政府信息公开信息处理费收费通知书';
    const e = last('fee_notice_sent');
    p.push(
      `${subject}，依照《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定收取信息处理费。`,
    );
    p.push(`收费标准及金额：${text(e?.data.explanation)}`);
    p.push(
      '请您自收到本通知书之日的次日起20个工作日内，按照本机关告知的方式缴纳。逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。缴费期间不计入答复期限。',
    );
  } else {
    const ended = last('replied') ?? last('closed');
    const outcome =
      c.reply?.outcome ?? (ended?.data.outcome as DraftReply['outcome'] | undefined) ?? 'otherTermination';
    const type = REPLY_TYPES[outcome];
    title = type.kind === 'reply' ? '政府信息公开申请答复书' : '政府信息公开申请终止办理告知书';
    p.push(subject);
    p.push(`${slot(`decision.${outcome}`)}（依据：${type.basis}）`);
    if (c.reply?.text) p.push(c.reply.text);
    for (const v of Object.values(c.reply?.fields ?? {})) if (v) p.push(v);
    // The act is the reply as sent; a notice printed before sending speaks of today.
    p.push(
      remedyStatement({
        refusal: type.refusal,
        body: c.reviewBody,
        on: ended?.day ?? today,
        subject: 'reply',
      }),
    );
  }
  for (const id of ['closing', 'contact']) {
    const t = slot(id);
    if (t) p.push(t);
  }
  return {
    title,
    docNo,
    addressee,
    paragraphs: p,
    signature: agency.name,
    date: formatDateZh(today, false),
  };
}
