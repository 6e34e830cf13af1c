/**
 * 征集调查: a draft decision published for comment over a period (start and end days inclusive, legal days in
 * China Standard Time), then the feedback on each opinion: adopted, partly adopted or not, and why. Pure.
 */
export type ConsultationStage = 'upcoming' | 'open' | 'closed' | 'feedback';

export const stageLabel: Record<ConsultationStage, string> = {
  upcoming: '即将开始',
  open: '正在征集',
  closed: '征集结束',
  feedback: '已公布反馈',
};

export function stageOf(
  c: { opens_on: string; closes_on: string; feedback_published_at: string | null },
  today: string,
): ConsultationStage {
  if (c.feedback_published_at) return 'feedback';
  if (today < c.opens_on) return 'upcoming';
  return today <= c.closes_on ? 'open' : 'closed';
}

export const decisions = ['adopted', 'partly', 'not_adopted'] as const;
type Decision = (typeof decisions)[number];
export const decisionLabel: Record<Decision, string> = {
  adopted: '采纳',
  partly: '部分采纳',
  not_adopted: '未采纳',
};
export const isDecision = (v: string): v is Decision => (decisions as readonly string[]).includes(v);
