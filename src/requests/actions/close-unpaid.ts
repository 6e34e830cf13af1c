/**
 * Use case: no payment within 20 working days from the day after the fee notice was received — deemed
 * abandoned (109号; table 三 （六）2). Refused before the payment period has run out. The period runs from the
 * applicant's receipt of the notice: the day recorded (登记送达), else the presumption of notice-receipt.ts.
 */
import type { Actor } from '../../platform/actor.js';
import { dayNumber, formatDateZh, isoDateOf } from '../../calendar/dates.js';
import { FEE_PAYMENT } from '../../calendar/rules.js';
import type { AppContext } from '../../platform/context.js';
import { calendarFor } from '../calendar-for.js';
import { latestReceipt } from '../notice-receipt.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { refused } from '../workflow.js';

export async function closeUnpaid(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const day = effectiveDay(ctx, c.row, input.on);
  const cal = await calendarFor(ctx, c.agency);
  const receipt = latestReceipt(cal, c.events, ['fee_notice_sent'], c.agency.deliveryMarginDays);
  if (receipt) {
    const lastDay = isoDateOf(cal.addN(dayNumber(receipt.day), FEE_PAYMENT.periodDays));
    if (day <= lastDay) {
      const received = receipt.presumed
        ? `按推定送达日${formatDateZh(receipt.day, false)}计算（${receipt.basis}；收到送达回执后可登记送达）`
        : `自申请人收到收费通知之日${formatDateZh(receipt.day, false)}的次日起计算（${receipt.basis}）`;
      throw refused(
        `缴费期限至${formatDateZh(lastDay, false)}尚未届满，不能视为放弃申请（${FEE_PAYMENT.basis}）。缴费期限${received}。`,
      );
    }
  }
  return runCaseAction(ctx, actor, c, 'close_unpaid', {
    day,
    events: [{ type: 'closed', data: { outcome: 'feeNotPaid' } }],
    patch: { outcome: c.row.outcome ?? 'feeNotPaid', outcome_on: c.row.outcome_on ?? day },
  });
}
