import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../platform/errors.js';
import {
  ACTIONS,
  STATES,
  availableActions,
  nextState,
  type CaseAction,
  type CaseFacts,
  type CaseState,
  type WorkflowRole,
} from './workflow.js';

// The issue's lifecycle written out independently of TRANSITIONS: state → action → [target, roles].
const H: WorkflowRole[] = ['handler'];
const HEAD: WorkflowRole[] = ['office_head'];
const REV: WorkflowRole[] = ['reviewer', 'office_head'];
const open = [
  'registered',
  'in_progress',
  'awaiting_clarification',
  'consulting',
  'awaiting_payment',
  'reply_drafted',
  'reviewed',
];
const handling = ['in_progress', 'consulting', 'awaiting_payment', 'reply_drafted'];
const expected: Record<CaseAction, { from: string[]; to: CaseState | 'same'; roles: WorkflowRole[] }> = {
  accept: { from: ['registered'], to: 'in_progress', roles: H },
  request_clarification: { from: ['registered', 'in_progress'], to: 'awaiting_clarification', roles: H },
  receive_clarification: {
    from: ['awaiting_clarification'],
    to: 'in_progress',
    roles: ['handler', 'applicant'],
  },
  close_unclarified: { from: ['awaiting_clarification'], to: 'closed', roles: H },
  start_consultation: { from: ['in_progress', 'consulting'], to: 'consulting', roles: H },
  end_consultation: { from: ['consulting'], to: 'in_progress', roles: H },
  approve_extension: { from: handling, to: 'same', roles: HEAD },
  delay_reply: { from: handling, to: 'same', roles: HEAD },
  issue_fee_notice: { from: ['in_progress'], to: 'awaiting_payment', roles: H },
  record_payment: { from: ['awaiting_payment'], to: 'in_progress', roles: H },
  close_unpaid: { from: ['awaiting_payment'], to: 'closed', roles: H },
  draft_reply: { from: ['in_progress'], to: 'reply_drafted', roles: H },
  return_draft: { from: ['reply_drafted', 'reviewed'], to: 'in_progress', roles: REV },
  review_reply: { from: ['reply_drafted'], to: 'reviewed', roles: REV },
  send_reply: { from: ['reviewed'], to: 'replied', roles: H },
  archive: { from: ['replied', 'closed'], to: 'archived', roles: H },
  withdraw: { from: open, to: 'closed', roles: ['handler', 'applicant'] },
  reopen: { from: ['replied', 'closed', 'archived'], to: 'in_progress', roles: HEAD },
  split: { from: ['registered', 'in_progress'], to: 'same', roles: H },
  record_delivery: { from: [...STATES], to: 'same', roles: H },
};
const ALL_ROLES: WorkflowRole[] = ['handler', 'reviewer', 'office_head', 'applicant'];
const facts = (state: CaseState): CaseFacts => ({
  state,
  clarifications: 0,
  feeNotices: 0,
  openConsultations: 1,
});

test('every action from every state, for every role: allowed exactly as the lifecycle says', () => {
  let allowed = 0;
  let refusedCount = 0;
  for (const action of ACTIONS) {
    const e = expected[action];
    for (const state of STATES) {
      for (const role of ALL_ROLES) {
        const ok = e.from.includes(state) && e.roles.includes(role);
        if (ok) {
          const to = nextState(facts(state), action, [role]);
          assert.equal(to, e.to === 'same' ? state : e.to, `${action} from ${state} by ${role}`);
          allowed++;
        } else {
          assert.throws(
            () => nextState(facts(state), action, [role]),
            (err: unknown) => err instanceof DomainError && /[\u4e00-\u9fff]/.test(err.message),
            `${action} from ${state} by ${role} must be refused`,
          );
          refusedCount++;
        }
      }
    }
  }
  assert.ok(allowed > 40 && refusedCount > 500);
});

test('the wrong role is told who may act; the wrong state is told the current state', () => {
  assert.throws(() => nextState(facts('in_progress'), 'approve_extension', ['handler']), {
    code: 'auth.forbidden',
    message: /信息公开工作机构负责人/,
  });
  assert.throws(() => nextState(facts('replied'), 'draft_reply', ['handler']), {
    code: 'request.transition_refused',
    message: /已答复/,
  });
});

test('Art. 30: a second clarification is refused', () => {
  assert.throws(
    () => nextState({ ...facts('in_progress'), clarifications: 1 }, 'request_clarification', ['handler']),
    { message: /第三十条.*一次性/ },
  );
});

test('a second fee notice is refused (one method, one charge per application)', () => {
  assert.throws(
    () => nextState({ ...facts('in_progress'), feeNotices: 1 }, 'issue_fee_notice', ['handler']),
    {
      message: /109号/,
    },
  );
});

test('ending a consultation returns to handling only when none is left open', () => {
  assert.equal(
    nextState({ ...facts('consulting'), openConsultations: 2 }, 'end_consultation', H),
    'consulting',
  );
  assert.equal(
    nextState({ ...facts('consulting'), openConsultations: 1 }, 'end_consultation', H),
    'in_progress',
  );
  assert.throws(() => nextState({ ...facts('consulting'), openConsultations: 0 }, 'end_consultation', H));
});

test('available actions for a reviewer on a drafted reply', () => {
  assert.deepEqual(availableActions(facts('reply_drafted'), ['reviewer']).sort(), [
    'return_draft',
    'review_reply',
  ]);
});
