/**
 * 信息处理费 collected by an agency in a year (国办函〔2020〕109号), for section 六 of the annual report
 * (statutory.md §4: reports state the fees collected, or that none were). A fee counts in the year its payment
 * was recorded (the `fee_paid` event's legal day); the amount is the assessment of the case's fee notice.
 * Null when the agency handled no application on the platform that year: then the platform does not know,
 * and the report keeps its 【待填写】 marker rather than claim that nothing was collected.
 */
import type { Queryable } from '../platform/db/database.js';
import { requestsStore } from './requests.store.js';
import type { FeeAssessment } from './fees.js';

export async function feesCollectedYuan(
  db: Queryable,
  agencyId: string,
  year: number,
): Promise<number | null> {
  const handled = await requestsStore.anyHandledIn(db, agencyId, year);
  if (!handled) return null;
  const rows = await requestsStore.feesPaidIn(db, agencyId, year);
  const paid = new Map(rows.map((r) => [r.id, r.fee]));
  let total = 0;
  for (const fee of paid.values()) if (fee) total += (JSON.parse(fee) as FeeAssessment).amount;
  return total;
}
