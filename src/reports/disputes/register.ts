/**
 * The review and litigation register: one dispute about the agency's disclosure work (often about one
 * request), moving through stages — 行政复议, then possibly 行政诉讼 and an appeal. Each stage keeps its body,
 * dates and detailed result, so table 四 can be recomputed under any column mapping.
 */

/** 行政复议决定 types (行政复议法 2023 Art. 63–69) plus procedural endings. */
export const RECONSIDERATION_RESULTS = {
  upheld: '维持',
  rejected: '驳回复议请求',
  varied: '变更',
  revoked: '撤销',
  partlyRevoked: '部分撤销',
  declaredUnlawful: '确认违法',
  declaredVoid: '确认无效',
  orderedToAct: '责令履行',
  terminated: '终止',
  settled: '调解/和解',
} as const;
export type ReconsiderationResult = keyof typeof RECONSIDERATION_RESULTS;

/** Court judgments and rulings in administrative litigation (行政诉讼法 Art. 69–78) plus withdrawals. */
export const LITIGATION_RESULTS = {
  claimDismissed: '判决驳回诉讼请求',
  revoked: '撤销',
  partlyRevoked: '部分撤销',
  varied: '变更',
  declaredUnlawful: '确认违法',
  declaredVoid: '确认无效',
  orderedToActOrRedo: '责令履行或重作',
  withdrawn: '撤诉',
  suitRejected: '驳回起诉',
  mediated: '调解',
} as const;
export type LitigationResult = keyof typeof LITIGATION_RESULTS;

interface StageBase {
  /** 复议机关 or court. */
  body: string;
  /** Day the application or complaint was filed (YYYY-MM-DD). */
  filedOn: string;
  /** Day of the decision or judgment; absent while pending. */
  decidedOn?: string;
}
interface ReconsiderationStage extends StageBase {
  kind: 'reconsideration';
  result?: ReconsiderationResult;
}
/** First instance or appeal; an appeal's result states its effect on the agency's act (final outcome). */
interface LitigationStage extends StageBase {
  kind: 'lawsuit' | 'appeal';
  result?: LitigationResult;
}
export type DisputeStage = ReconsiderationStage | LitigationStage;

export interface Dispute {
  id: string;
  agencyId: string;
  /** The disclosure request the dispute concerns, when there is one. */
  requestId?: string;
  /** In order: at most one reconsideration (first), at most one lawsuit, then at most one appeal. */
  stages: DisputeStage[];
}

/** Problems with a dispute's stages, in Chinese; empty when it is well formed. */
export function disputeProblems(d: Dispute): string[] {
  const problems: string[] = [];
  const kinds = d.stages.map((s) => s.kind).join(',');
  if (!/^(reconsideration)?(,?lawsuit(,appeal)?)?$/.test(kinds) || kinds === '') {
    problems.push('阶段顺序应为：行政复议（可无）→ 行政诉讼一审（可无）→ 上诉（可无），且至少有一个阶段。');
  }
  const day = /^\d{4}-\d{2}-\d{2}$/;
  d.stages.forEach((s, i) => {
    const n = `第${i + 1}阶段`;
    if (!s.body.trim()) problems.push(`${n}缺少复议机关或法院名称。`);
    if (!day.test(s.filedOn)) problems.push(`${n}的申请（起诉）日期格式应为YYYY-MM-DD。`);
    if (s.decidedOn !== undefined && !day.test(s.decidedOn))
      problems.push(`${n}的决定（裁判）日期格式应为YYYY-MM-DD。`);
    if (s.decidedOn !== undefined && s.decidedOn < s.filedOn) problems.push(`${n}的决定日期早于申请日期。`);
    if ((s.decidedOn === undefined) !== (s.result === undefined))
      problems.push(`${n}应同时填写决定日期和结果。`);
    if (s.result !== undefined) {
      const known = s.kind === 'reconsideration' ? RECONSIDERATION_RESULTS : LITIGATION_RESULTS;
      if (!(s.result in known)) problems.push(`${n}的结果不属于该阶段可选的结果。`);
    }
    const prev = d.stages[i - 1];
    if (prev && (prev.decidedOn === undefined || s.filedOn < prev.decidedOn)) {
      problems.push(`${n}应在上一阶段作出决定后提起。`);
    }
  });
  return problems;
}
