/**
 * Use case: 登记送达 — how a notice reached the applicant and the day they received it (the signed-for day on a
 * postal receipt, the day handed over, the day opened online). Periods that run from the applicant's receipt
 * (fee payment, 109号; remedies, 行政复议法 Art. 20) count from that day instead of the presumption
 * (notice-receipt.ts). The case's state and reply clock do not change; allowed in every state, after the reply
 * too, since the proof of delivery often comes back later. A second record for the same notice corrects the
 * first; both stay in the case's history.
 */
import type { Actor } from '../../platform/actor.js';
import { formatDateZh, isIsoDate } from '../../calendar/dates.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed, type FieldErrors } from '../../platform/errors.js';
import { formText } from '../../platform/form-values.js';
import { DELIVERY_EVENT, isDeliveryMethod, isNoticeType } from '../notice-receipt.js';
import { loadCase, runCaseAction, todayOf, type CaseResult } from './case-action.js';

export async function recordDelivery(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; notice?: unknown; method?: unknown; receivedOn?: unknown; proof?: unknown },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const errors: FieldErrors = {};
  const type = formText(input.notice);
  const notice = isNoticeType(type) ? [...c.events].reverse().find((e) => e.type === type) : undefined;
  if (!notice) errors.notice = '请选择本案已发出的文书';
  const method = formText(input.method);
  if (!isDeliveryMethod(method)) errors.method = '请选择送达方式';
  const receivedOn = formText(input.receivedOn);
  const today = todayOf(ctx);
  if (!receivedOn) errors.receivedOn = '请填写申请人收到日期';
  else if (!isIsoDate(receivedOn)) errors.receivedOn = '日期格式应为 YYYY-MM-DD';
  else if (receivedOn > today) errors.receivedOn = '收到日期不能晚于今天';
  else if (notice && receivedOn < notice.day)
    errors.receivedOn = `收到日期不能早于该文书发出之日（${formatDateZh(notice.day, false)}）`;
  const proof = formText(input.proof);
  if (proof.length > 200) errors.proof = '送达凭证不能超过 200 个字';
  if (Object.keys(errors).length || !notice || !isDeliveryMethod(method)) throw validationFailed(errors);
  return runCaseAction(ctx, actor, c, 'record_delivery', {
    day: receivedOn,
    events: [
      {
        type: DELIVERY_EVENT,
        data: { notice: notice.type, sentOn: notice.day, method, receivedOn, proof },
      },
    ],
    audit: { notice: notice.type, method, receivedOn },
  });
}
