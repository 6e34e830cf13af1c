/**
 * Reply types (条例 Art. 36–39) and procedural endings, each with its legal basis and what the reply must
 * state. The annual-report row is never stored here: it comes from src/statute/outcomes.ts (`outcomeRow`),
 * so one mapping serves the report and the case (statutory.md §2.6).
 */
import { outcomeRow, OUTCOMES, type Outcome } from '../statute/outcomes.js';
import type { FormatVersion, RowId } from '../statute/report-ids.js';

type ReplyKind = 'reply' | 'ending';

/** Extra content a reply of this type must carry. */
export type ReplyField =
  'whereToFind' | 'withheldParts' | 'responsibleAgency' | 'earlierReply' | 'procedure' | 'reasonsRequested';

export interface ReplyType {
  code: Outcome;
  kind: ReplyKind;
  /** Title of the notice, e.g. 政府信息公开申请答复书 / 终止办理告知书. */
  notice: string;
  /** The provision the reply rests on, as quoted in the notice. */
  basis: string;
  /** The sentence the notice states as the decision. */
  decision: string;
  /**
   * A refusal to disclose (申请政府信息公开，行政机关不予公开): since 2024-01-01 reconsideration must come before
   * a lawsuit (行政复议法 Art. 23 ¶1(四)) and the notice must say so (Art. 23 ¶2).
   */
  refusal: boolean;
  requires: readonly ReplyField[];
}

const R = '政府信息公开申请答复书';
const E = '终止办理告知书';
const reply = (
  code: Outcome,
  basis: string,
  decision: string,
  refusal = false,
  requires: ReplyField[] = [],
): ReplyType => ({ code, kind: 'reply', notice: R, basis, decision, refusal, requires });
const ending = (code: Outcome, basis: string, decision: string): ReplyType => ({
  code,
  kind: 'ending',
  notice: E,
  basis,
  decision,
  refusal: false,
  requires: [],
});
const withheld = (code: Outcome, basis: string, ground: string) =>
  reply(code, basis, `您申请的政府信息${ground}，根据${basis}的规定，决定不予公开。`, true);

export const REPLY_TYPES: Readonly<Record<Outcome, ReplyType>> = {
  disclosed: reply(
    'disclosed',
    '《政府信息公开条例》第三十六条第（二）项',
    '您申请的政府信息属于公开范围，现予以提供。',
  ),
  alreadyPublic: reply(
    'alreadyPublic',
    '《政府信息公开条例》第三十六条第（一）项',
    '您申请的政府信息已经主动公开，请按下列方式获取。',
    false,
    ['whereToFind'],
  ),
  partlyDisclosed: reply(
    'partlyDisclosed',
    '《政府信息公开条例》第三十七条',
    '您申请的政府信息中含有不应当公开的内容，但能够作区分处理，现提供可以公开的部分，不予公开部分的理由如下。',
    true,
    ['withheldParts'],
  ),
  withheldStateSecret: withheld('withheldStateSecret', '《政府信息公开条例》第十四条', '属于国家秘密'),
  withheldProhibitedByLaw: withheld(
    'withheldProhibitedByLaw',
    '《政府信息公开条例》第十四条',
    '属于法律、行政法规禁止公开的政府信息',
  ),
  withheldSecurityStability: withheld(
    'withheldSecurityStability',
    '《政府信息公开条例》第十四条',
    '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  ),
  withheldThirdParty: withheld(
    'withheldThirdParty',
    '《政府信息公开条例》第十五条',
    '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
  ),
  withheldInternalAffairs: withheld(
    'withheldInternalAffairs',
    '《政府信息公开条例》第十六条第一款',
    '属于人事管理、后勤管理、内部工作流程等内部事务信息',
  ),
  withheldProcessInformation: withheld(
    'withheldProcessInformation',
    '《政府信息公开条例》第十六条第二款',
    '属于讨论记录、过程稿、磋商信函、请示报告等过程性信息',
  ),
  withheldEnforcementFile: withheld(
    'withheldEnforcementFile',
    '《政府信息公开条例》第十六条第二款',
    '属于行政执法案卷信息',
  ),
  specialAccessProcedure: reply(
    'specialAccessProcedure',
    '《政府信息公开条例》第三十六条第（七）项',
    '您申请的信息属于法律、行政法规对获取有特别规定的信息，请按照相关规定办理。',
    false,
    ['procedure'],
  ),
  notHeld: reply(
    'notHeld',
    '《政府信息公开条例》第三十六条第（四）项',
    '经检索，本机关没有您申请公开的政府信息，该政府信息不存在。',
  ),
  notResponsible: reply(
    'notResponsible',
    '《政府信息公开条例》第三十六条第（五）项',
    '您申请的政府信息不属于本机关负责公开，负责公开的机关如下。',
    false,
    ['responsibleAgency'],
  ),
  requiresCreation: reply(
    'requiresCreation',
    '《政府信息公开条例》第三十八条',
    '您申请的信息需要本机关对现有政府信息进行加工、分析，本机关不予提供。',
  ),
  unclearAfterClarification: reply(
    'unclearAfterClarification',
    '《政府信息公开条例》第三十条',
    '经补正后，您的申请内容仍不明确，本机关无法提供。',
  ),
  petitionOrComplaint: reply(
    'petitionOrComplaint',
    '《政府信息公开条例》第三十九条第一款',
    '您以政府信息公开申请的形式进行信访、投诉、举报，本机关不作为政府信息公开申请处理，可通过相应渠道提出。',
  ),
  repeatRequest: reply(
    'repeatRequest',
    '《政府信息公开条例》第三十六条第（六）项',
    '本机关已就您的同一政府信息公开申请作出答复，您重复申请，本机关不予重复处理。',
    false,
    ['earlierReply'],
  ),
  publicationRequested: reply(
    'publicationRequested',
    '《政府信息公开条例》第三十九条第二款',
    '您要求提供的是公开出版物，请通过下列途径获取。',
    false,
    ['whereToFind'],
  ),
  unreasonableVolume: reply(
    'unreasonableVolume',
    '《政府信息公开条例》第三十五条',
    '您申请公开政府信息的数量、频次明显超过合理范围，所说明的理由不合理，本机关不予处理。',
    false,
    // Art. 35: "可以要求申请人说明理由" — the reasons must have been asked for and found unreasonable
    // (docs/decisions/0014).
    ['reasonsRequested'],
  ),
  confirmOrReissue: reply(
    'confirmOrReissue',
    '《政府信息公开条例》第二条',
    '您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请，本机关不予处理。',
  ),
  clarificationNotSupplied: ending(
    'clarificationNotSupplied',
    '《政府信息公开条例》第三十条',
    '您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ),
  feeNotPaid: ending(
    'feeNotPaid',
    '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    '您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。',
  ),
  withdrawn: ending('withdrawn', '申请人撤回申请', '您已撤回政府信息公开申请，本机关终止办理。'),
  otherTermination: ending('otherTermination', '—', '本机关终止办理该政府信息公开申请，理由如下。'),
};

/** Outcomes a drafted reply may have (the other procedural endings have their own actions). */
// Other terminations (（六）3) are decided by the agency with reasons, so they go through draft and review too.
export const REPLY_OUTCOMES: readonly Outcome[] = OUTCOMES.filter(
  (o) => REPLY_TYPES[o].kind === 'reply' || o === 'otherTermination',
);

/** The one table 三 row a case with this outcome is counted in (delegates to the report model). */
export const reportRowOf = (code: Outcome, format: FormatVersion): RowId => outcomeRow(code, format);
