/**
 * Use case: no payment within 20 working days from the day after the fee notice was received — deemed
 * abandoned (109号; table 三 （六）2). Refused before the payment period has run out.
 */
import type { Actor } from '../../platform/actor.js';
import { dayNumber, isoDateOf } from '../../calendar/dates.js';
import { FEE_PAYMENT } from '../../calendar/rules.js';
import type { AppContext } from '../../platform/context.js';
import { calendarFor } from '../calendar-for.js';
import { effectiveDay, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { refused } from '../workflow.js';

export async function closeUnpaid(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; on?: string },
): Promise<CaseResult> {
  const c = await loadCase(ctx, actor, input.caseId);
  const day = effectiveDay(ctx, c.row, input.on);
  const notice = [...c.events].reverse().find((e) => e.type === 'fee_notice_sent');
  if (notice) {
    const cal = await calendarFor(ctx, c.agency);
    const lastDay = isoDateOf(cal.addN(dayNumber(notice.day), FEE_PAYMENT.periodDays));
    if (day <= lastDay)
      throw refused(`缴费期限（${lastDay}）尚未届满，不能视为放弃申请（${FEE_PAYMENT.basis}）。`);
  }
  return runCaseAction(ctx, actor, c, 'close_unpaid', {
    day,
    events: [{ type: 'closed', data: { outcome: 'feeNotPaid' } }],
    patch: { outcome: c.row.outcome ?? 'feeNotPaid', outcome_on: c.row.outcome_on ?? day },
  });
}
