/**
 * Use case: 收费通知 (国办函〔2020〕109号) within the handling period, by one method only. Per item, the ordinal is
 * this application's place among the applicant's applications to this agency in its calendar month, matched by
 * the blind index (no decryption). The clock pauses until payment.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed } from '../../platform/errors.js';
import { effectiveDay, lateReasonOf, loadCase, runCaseAction, type CaseResult } from './case-action.js';
import { assessFee, type FeeAssessment, type FeeBasis } from '../fees.js';
import { requestsStore } from '../requests.store.js';
import { refused } from '../workflow.js';

export async function issueFeeNotice(
  ctx: AppContext,
  actor: Actor,
  input: { caseId: string; method?: unknown; pages?: unknown; on?: string; lateReason?: unknown },
): Promise<CaseResult & { fee: FeeAssessment }> {
  const c = await loadCase(ctx, actor, input.caseId);
  let basis: FeeBasis;
  if (input.method === 'per_volume') {
    const pages = Number(input.pages);
    if (!Number.isInteger(pages) || pages < 1)
      throw validationFailed({ pages: '请填写需提供信息的页数（正整数）' });
    basis = { method: 'per_volume', pages };
  } else if (input.method === 'per_item') {
    const ordinal = await requestsStore.ordinalInMonth(ctx.db, c.row);
    basis = { method: 'per_item', ordinal };
  } else throw validationFailed({ method: '请选择计收方式（按件或按量）' });
  const fee = assessFee(basis);
  if (fee.amount === 0) throw refused('按该计收方式本申请未超过免费额度，不应收费。');
  const r = await runCaseAction(ctx, actor, c, 'issue_fee_notice', {
    lateReason: lateReasonOf(input.lateReason),
    day: effectiveDay(ctx, c.row, input.on),
    events: [{ type: 'fee_notice_sent', data: { ...fee } }],
    patch: { fee: JSON.stringify(fee) },
    audit: { amount: fee.amount, method: basis.method },
  });
  return { ...r, fee };
}
