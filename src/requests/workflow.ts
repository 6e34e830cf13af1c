/**
 * The closed list of states of a disclosure request (依申请公开) and the transition table: for each action,
 * the states it may be taken from, the state it leads to, and who may take it. Checked on every action
 * (条例 Art. 45: registration, review, handling, reply and archiving procedures). Pure: no I/O.
 */
import { DomainError } from '../platform/errors.js';

export const STATES = [
  'registered', // 已登记
  'in_progress', // 办理中
  'awaiting_clarification', // 待补正 (Art. 30)
  'consulting', // 征求意见中 (Art. 32, 34, 33 ¶3)
  'awaiting_payment', // 待缴费 (109号)
  'reply_drafted', // 答复已拟稿
  'reviewed', // 已审核 (保密审查, Art. 17)
  'replied', // 已答复并送达
  'closed', // 已终止 (abandoned, unpaid, withdrawn)
  'archived', // 已归档
] as const;
export type CaseState = (typeof STATES)[number];

export const STATE_LABEL: Record<CaseState, string> = {
  registered: '已登记',
  in_progress: '办理中',
  awaiting_clarification: '待申请人补正',
  consulting: '征求意见中',
  awaiting_payment: '待缴纳信息处理费',
  reply_drafted: '答复待审核',
  reviewed: '答复已审核',
  replied: '已答复',
  closed: '已终止办理',
  archived: '已归档',
};

/** Who takes a step: the case handler, the reviewer (保密审查), the head of the disclosure office, or the applicant online. */
export type WorkflowRole = 'handler' | 'reviewer' | 'office_head' | 'applicant';

const ROLE_LABEL: Record<WorkflowRole, string> = {
  handler: '经办人',
  reviewer: '审核人员（保密审查）',
  office_head: '信息公开工作机构负责人',
  applicant: '申请人',
};

export const ACTIONS = [
  'accept',
  'request_clarification',
  'receive_clarification',
  'close_unclarified',
  'start_consultation',
  'end_consultation',
  'approve_extension',
  'delay_reply',
  'issue_fee_notice',
  'record_payment',
  'close_unpaid',
  'draft_reply',
  'return_draft',
  'review_reply',
  'send_reply',
  'archive',
  'withdraw',
  'reopen',
  'split',
  'record_delivery',
] as const;
export type CaseAction = (typeof ACTIONS)[number];

const OPEN: readonly CaseState[] = [
  'registered',
  'in_progress',
  'awaiting_clarification',
  'consulting',
  'awaiting_payment',
  'reply_drafted',
  'reviewed',
];
/** States in which the agency is still working on the substance (the reply clock may be extended or delayed). */
const HANDLING: readonly CaseState[] = ['in_progress', 'consulting', 'awaiting_payment', 'reply_drafted'];

interface Transition {
  label: string;
  from: readonly CaseState[];
  /** `same` keeps the current state (an extension changes the clock, not the state). */
  to: CaseState | 'same';
  roles: readonly WorkflowRole[];
}

export const TRANSITIONS: Readonly<Record<CaseAction, Transition>> = {
  accept: { label: '开始办理', from: ['registered'], to: 'in_progress', roles: ['handler'] },
  // Art. 30: once only, and only before the substance is handled.
  request_clarification: {
    label: '告知补正',
    from: ['registered', 'in_progress'],
    to: 'awaiting_clarification',
    roles: ['handler'],
  },
  receive_clarification: {
    label: '收到补正',
    from: ['awaiting_clarification'],
    to: 'in_progress',
    roles: ['handler', 'applicant'],
  },
  close_unclarified: {
    label: '逾期未补正，终止办理',
    from: ['awaiting_clarification'],
    to: 'closed',
    roles: ['handler'],
  },
  start_consultation: {
    label: '征求意见',
    from: ['in_progress', 'consulting'],
    to: 'consulting',
    roles: ['handler'],
  },
  // The target is settled by the use case: back to in_progress when no other consultation is open.
  end_consultation: { label: '收到意见', from: ['consulting'], to: 'same', roles: ['handler'] },
  // Art. 33 ¶2: the head of the disclosure office agrees to the extension.
  approve_extension: { label: '批准延期答复', from: HANDLING, to: 'same', roles: ['office_head'] },
  // Art. 35: a later reply date for an unreasonable volume, fixed with the office head's approval.
  delay_reply: { label: '延迟答复', from: HANDLING, to: 'same', roles: ['office_head'] },
  issue_fee_notice: {
    label: '发出收费通知',
    from: ['in_progress'],
    to: 'awaiting_payment',
    roles: ['handler'],
  },
  record_payment: { label: '登记缴费', from: ['awaiting_payment'], to: 'in_progress', roles: ['handler'] },
  close_unpaid: {
    label: '逾期未缴费，终止办理',
    from: ['awaiting_payment'],
    to: 'closed',
    roles: ['handler'],
  },
  draft_reply: { label: '拟写答复', from: ['in_progress'], to: 'reply_drafted', roles: ['handler'] },
  return_draft: {
    label: '退回修改',
    from: ['reply_drafted', 'reviewed'],
    to: 'in_progress',
    roles: ['reviewer', 'office_head'],
  },
  // Art. 17: review (including secrecy review) before the reply goes out.
  review_reply: {
    label: '审核通过（保密审查）',
    from: ['reply_drafted'],
    to: 'reviewed',
    roles: ['reviewer', 'office_head'],
  },
  send_reply: { label: '答复并送达', from: ['reviewed'], to: 'replied', roles: ['handler'] },
  archive: { label: '归档', from: ['replied', 'closed'], to: 'archived', roles: ['handler'] },
  withdraw: { label: '申请人撤回', from: OPEN, to: 'closed', roles: ['handler', 'applicant'] },
  // A reconsideration or court decision ordering a new reply (重新答复): a fresh clock.
  reopen: {
    label: '重新答复',
    from: ['replied', 'closed', 'archived'],
    to: 'in_progress',
    roles: ['office_head'],
  },
  split: {
    label: '拆分申请（一事一申请）',
    from: ['registered', 'in_progress'],
    to: 'same',
    roles: ['handler'],
  },
  // The day a notice reached the applicant: recorded whenever the proof comes back, also after the reply.
  record_delivery: { label: '登记送达', from: STATES, to: 'same', roles: ['handler'] },
};

/** Facts of the case some guards need beyond its state. */
export interface CaseFacts {
  state: CaseState;
  /** Clarification notices already sent since the (re)start (Art. 30: at most one). */
  clarifications: number;
  /** Fee notices already issued (109号 Art. 3: one method, one notice per application). */
  feeNotices: number;
  /** Consultations started and not yet answered. */
  openConsultations: number;
}

export const refused = (message: string) => new DomainError('request.transition_refused', message);

/**
 * The state after `action`, or a DomainError in Chinese saying why it is refused. `roles` are the workflow
 * roles the actor holds for the case's agency.
 */
export function nextState(facts: CaseFacts, action: CaseAction, roles: readonly WorkflowRole[]): CaseState {
  const t = TRANSITIONS[action];
  if (!t.roles.some((r) => roles.includes(r))) {
    throw new DomainError(
      'auth.forbidden',
      `“${t.label}”只能由${t.roles.map((r) => ROLE_LABEL[r]).join('或')}办理。`,
    );
  }
  if (!t.from.includes(facts.state)) {
    throw refused(`案件当前状态为“${STATE_LABEL[facts.state]}”，不能“${t.label}”。`);
  }
  if (action === 'request_clarification' && facts.clarifications > 0) {
    throw refused(
      '依照《政府信息公开条例》第三十条，补正应当一次性告知，本案已告知过补正，不能再次要求补正。',
    );
  }
  if (action === 'issue_fee_notice' && facts.feeNotices > 0) {
    throw refused('本申请已发出过收费通知，同一申请不能再次收费（国办函〔2020〕109号）。');
  }
  if (action === 'end_consultation') {
    if (facts.openConsultations <= 0) throw refused('本案没有正在进行的征求意见。');
    return facts.openConsultations > 1 ? 'consulting' : 'in_progress';
  }
  return t.to === 'same' ? facts.state : t.to;
}

/** Actions the actor could take now (for the case page's forms). */
export function availableActions(facts: CaseFacts, roles: readonly WorkflowRole[]): CaseAction[] {
  return ACTIONS.filter((a) => {
    try {
      nextState(facts, a, roles);
      return true;
    } catch {
      return false;
    }
  });
}

export const isOpen = (s: CaseState): boolean => OPEN.includes(s);
