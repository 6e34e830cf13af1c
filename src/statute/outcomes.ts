/**
 * Outcome taxonomy: how a disclosure request ended (reply type under Art. 36–39, or a procedural ending), and
 * the one table 三 row it is counted in, per template (statutory.md §2.6). The mapping is data: rows marked
 * [M]/[D] are common practice or our derivation, not the form's text, and a deployment may override them.
 */
import type { FormatVersion, RowId } from './report-ids.js';

export const OUTCOMES = [
  'disclosed',
  'alreadyPublic',
  'partlyDisclosed',
  'withheldStateSecret',
  'withheldProhibitedByLaw',
  'withheldSecurityStability',
  'withheldThirdParty',
  'withheldInternalAffairs',
  'withheldProcessInformation',
  'withheldEnforcementFile',
  'specialAccessProcedure',
  'notHeld',
  'notResponsible',
  'requiresCreation',
  'unclearAfterClarification',
  'petitionOrComplaint',
  'repeatRequest',
  'publicationRequested',
  'unreasonableVolume',
  'confirmOrReissue',
  'clarificationNotSupplied',
  'feeNotPaid',
  'withdrawn',
  'otherTermination',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

interface OutcomeRow {
  /** Row in the 2021 template (30号). */
  '2021': RowId;
  /** Row in the 2019 template (60号), where （六）其他处理 has no sub-rows. */
  '2019': RowId;
  /** The provision the outcome rests on, for display. */
  basis: string;
  /** Chinese name of the outcome. */
  label: string;
  /** 'form' = the row's own wording; 'practice' [M] / 'derived' [D] = not stated by the form. */
  confidence: 'form' | 'practice' | 'derived';
}

const same = (
  row: RowId,
  basis: string,
  label: string,
  confidence: OutcomeRow['confidence'],
): OutcomeRow => ({
  '2021': row,
  '2019': row,
  basis,
  label,
  confidence,
});
const other = (
  row2021: RowId,
  basis: string,
  label: string,
  confidence: OutcomeRow['confidence'],
): OutcomeRow => ({
  '2021': row2021,
  '2019': 't3.r3.6',
  basis,
  label,
  confidence,
});

/** Default mapping (statutory.md §2.6). */
export const DEFAULT_OUTCOME_ROWS: Readonly<Record<Outcome, OutcomeRow>> = {
  disclosed: same('t3.r3.1', '条例第三十六条第（二）项', '予以公开', 'form'),
  alreadyPublic: same('t3.r3.1', '条例第三十六条第（一）项', '已主动公开，告知获取方式', 'practice'),
  partlyDisclosed: same('t3.r3.2', '条例第三十七条', '部分公开（区分处理）', 'form'),
  withheldStateSecret: same('t3.r3.3.1', '条例第十四条', '不予公开：属于国家秘密', 'form'),
  withheldProhibitedByLaw: same('t3.r3.3.2', '条例第十四条', '不予公开：其他法律行政法规禁止公开', 'form'),
  withheldSecurityStability: same('t3.r3.3.3', '条例第十四条', '不予公开：危及“三安全一稳定”', 'form'),
  withheldThirdParty: same('t3.r3.3.4', '条例第十五条', '不予公开：保护第三方合法权益', 'form'),
  withheldInternalAffairs: same('t3.r3.3.5', '条例第十六条第一款', '不予公开：属于三类内部事务信息', 'form'),
  withheldProcessInformation: same('t3.r3.3.6', '条例第十六条第二款', '不予公开：属于四类过程性信息', 'form'),
  withheldEnforcementFile: same('t3.r3.3.7', '条例第十六条第二款', '不予公开：属于行政执法案卷', 'form'),
  specialAccessProcedure: same(
    't3.r3.3.8',
    '条例第三十六条第（七）项',
    '属于行政查询事项，告知按规定办理',
    'derived',
  ),
  notHeld: same('t3.r3.4.1', '条例第三十六条第（四）项', '经检索没有所申请公开信息', 'form'),
  notResponsible: same('t3.r3.4.1', '条例第三十六条第（五）项', '非本机关负责公开', 'derived'),
  requiresCreation: same('t3.r3.4.2', '条例第三十八条', '需要另行制作', 'form'),
  unclearAfterClarification: same('t3.r3.4.3', '条例第三十条', '补正后申请内容仍不明确', 'form'),
  petitionOrComplaint: same('t3.r3.5.1', '条例第三十九条第一款', '信访举报投诉类申请', 'form'),
  repeatRequest: same('t3.r3.5.2', '条例第三十六条第（六）项', '重复申请', 'form'),
  publicationRequested: same('t3.r3.5.3', '条例第三十九条第二款', '要求提供公开出版物', 'form'),
  unreasonableVolume: same('t3.r3.5.4', '条例第三十五条', '无正当理由大量反复申请', 'form'),
  confirmOrReissue: same('t3.r3.5.5', '—', '要求确认或重新出具已获取信息', 'form'),
  clarificationNotSupplied: other('t3.r3.6.1', '条例第三十条', '逾期不补正，不再处理', 'form'),
  feeNotPaid: other(
    't3.r3.6.2',
    '条例第四十二条、国办函〔2020〕109号',
    '逾期未缴纳信息处理费，不再处理',
    'form',
  ),
  withdrawn: other('t3.r3.6.3', '—', '申请人撤回申请', 'derived'),
  otherTermination: other('t3.r3.6.3', '—', '其他原因终止办理', 'derived'),
};

export type OutcomeRows = Readonly<Record<Outcome, OutcomeRow>>;

/** The table 三 row an outcome is counted in. */
export function outcomeRow(
  outcome: Outcome,
  format: FormatVersion,
  rows: OutcomeRows = DEFAULT_OUTCOME_ROWS,
): RowId {
  return rows[outcome][format];
}
