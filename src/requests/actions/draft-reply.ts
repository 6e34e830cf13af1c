/**
 * Use case: the handler drafts the reply: its type (Art. 36–39, reply-types.ts) and text, with what that type
 * must state — where to find it, the withheld parts and why (Art. 37), the responsible agency (Art. 36 (五)) …
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import type { Outcome } from '../../statute/outcomes.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { REPLY_OUTCOMES, REPLY_TYPES, type ReplyField } from '../reply-types.js';
import { optionalText, requiredText } from '../text-input.js';

export interface DraftReply {
  outcome: Outcome;
  text: string;
  fields: Partial<Record<ReplyField, string>>;
  /** Art. 32: why the information is disclosed although a consulted third party objected (public interest). */
  publicInterest?: string;
}

/** Outcomes that disclose something, so they can overrule a third party's objection. */
const DISCLOSING: readonly Outcome[] = ['disclosed', 'partlyDisclosed'];

const FIELD_LABEL: Record<ReplyField, string> = {
  whereToFind: '获取方式（公开的位置或途径）',
  withheldParts: '不予公开的部分及理由',
  responsibleAgency: '负责公开的机关名称及联系方式',
  earlierReply: '此前答复的文号和日期',
  procedure: '应当依照办理的程序',
  reasonsRequested: '要求申请人说明理由的日期、方式及其说明',
};

export async function draftReply(
  ctx: AppContext,
  actor: Actor,
  input: {
    caseId: string;
    outcome?: unknown;
    text?: unknown;
    publicInterest?: unknown;
    on?: string;
  } & Partial<Record<ReplyField, unknown>>,
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  if (typeof input.outcome !== 'string' || !REPLY_OUTCOMES.includes(input.outcome as Outcome))
    throw validationFailed({ outcome: '请选择答复类型' });
  const outcome = input.outcome as Outcome;
  const text = optionalText(input.text, 'text', '答复正文', 10000);
  const fields: DraftReply['fields'] = {};
  for (const f of REPLY_TYPES[outcome].requires) fields[f] = requiredText(input[f], f, FIELD_LABEL[f], 2000);
  const publicInterest = optionalText(input.publicInterest, 'publicInterest', '公开理由', 2000);
  if (publicInterest) {
    if (!DISCLOSING.includes(outcome))
      throw validationFailed({ publicInterest: '只有决定公开或部分公开时才填写不顾第三方反对而公开的理由' });
    const objected = c.events.some(
      (e) => e.type === 'consultation_ended' && e.data.party === 'third_party' && e.data.objects === true,
    );
    if (!objected)
      throw validationFailed({ publicInterest: '本案没有第三方不同意公开的征求意见，无需填写此项' });
  }
  const draft: DraftReply = { outcome, text, fields, ...(publicInterest ? { publicInterest } : {}) };
  return runCaseAction(ctx, actor, c, 'draft_reply', {
    day: effectiveDay(ctx, c.row, input.on),
    events: [{ type: 'reply_drafted', data: { ...draft } }],
    patch: { reply: JSON.stringify(draft) },
    audit: { outcome },
  });
}
