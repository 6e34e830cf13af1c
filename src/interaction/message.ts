/**
 * 留言 (public messages): the closed lists of kinds and states, and the steps staff may take from each state.
 * Pure: no I/O.
 */
export const messageKinds = ['consultation', 'suggestion', 'complaint', 'help', 'other'] as const;
export type MessageKind = (typeof messageKinds)[number];

export const messageKindLabel: Record<MessageKind, string> = {
  consultation: '咨询',
  suggestion: '建议',
  complaint: '投诉',
  help: '求助',
  other: '其他',
};

export const messageStatuses = ['received', 'accepted', 'in_review', 'replied', 'declined'] as const;
type MessageStatus = (typeof messageStatuses)[number];

export const messageStatusLabel: Record<MessageStatus, string> = {
  received: '待受理',
  accepted: '办理中',
  in_review: '答复待审核',
  replied: '已答复',
  declined: '不予受理',
};

/** States in which the reply promise is still running. */
export const openStatuses: readonly MessageStatus[] = ['received', 'accepted', 'in_review'];

const messageSteps = ['accept', 'decline', 'transfer', 'draft', 'return', 'approve'] as const;
export type MessageStep = (typeof messageSteps)[number];

export const messageStepLabel: Record<MessageStep, string> = {
  accept: '受理',
  decline: '不予受理',
  transfer: '转办',
  draft: '提交答复稿',
  return: '退回修改',
  approve: '审核通过并答复',
};

/** From which states each step may be taken, and where it leads (transfer keeps the state). */
export const transitions: Record<MessageStep, { from: readonly MessageStatus[]; to: MessageStatus | null }> =
  {
    accept: { from: ['received'], to: 'accepted' },
    decline: { from: ['received', 'accepted'], to: 'declined' },
    transfer: { from: ['received', 'accepted'], to: null },
    draft: { from: ['accepted', 'in_review'], to: 'in_review' },
    return: { from: ['in_review'], to: 'accepted' },
    approve: { from: ['in_review'], to: 'replied' },
  };

export function stepsFrom(status: MessageStatus): MessageStep[] {
  return messageSteps.filter((s) => transitions[s].from.includes(status));
}

export const ratings = ['satisfied', 'fair', 'unsatisfied'] as const;
type Rating = (typeof ratings)[number];
export const ratingLabel: Record<Rating, string> = {
  satisfied: '满意',
  fair: '基本满意',
  unsatisfied: '不满意',
};

export const isKind = (v: unknown): v is MessageKind => messageKinds.includes(v as MessageKind);
export const isStatus = (v: unknown): v is MessageStatus => messageStatuses.includes(v as MessageStatus);
export const isRating = (v: unknown): v is Rating => ratings.includes(v as Rating);
