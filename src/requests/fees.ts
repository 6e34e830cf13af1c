/**
 * 信息处理费 (国办函〔2020〕109号, statutory.md §4). Two methods, both progressive over the excess (Art. 3),
 * one per application, never both:
 * - 按件计收 (Art. 4): per applicant and charging agency, the applications counted within one calendar month;
 *   1–10 free, 11–30 100元, 31–40 200元, then +100元 per further block of 10 (Art. 3's table);
 * - 按量计收 (Art. 5): per application, pages: 1–30 free, 31–100 10元, 101–200 20元, 201+ 40元.
 * The tier boundaries are data so a deployment can correct them; amounts are whole yuan.
 */
import { DomainError } from '../platform/errors.js';

interface Tier {
  /** Inclusive upper bound of the tier (Infinity for the last). */
  upTo: number;
  /** Yuan per unit within the tier. */
  rate: number;
}

/** 按件计收 up to 30; beyond 30 the rate rises by 100 every 10 (computed, see `itemRate`). */
const ITEM_TIERS: readonly Tier[] = [
  { upTo: 10, rate: 0 },
  { upTo: 30, rate: 100 },
];
const ITEM_STEP = { size: 10, increase: 100 } as const;

const PAGE_TIERS: readonly Tier[] = [
  { upTo: 30, rate: 0 },
  { upTo: 100, rate: 10 },
  { upTo: 200, rate: 20 },
  { upTo: Infinity, rate: 40 },
];

/** The rate for the n-th application of an applicant in a calendar month (n ≥ 1). */
export function itemRate(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new DomainError('fee.invalid', '申请件数应为正整数。');
  for (const t of ITEM_TIERS) if (n <= t.upTo) return t.rate;
  const last = ITEM_TIERS[ITEM_TIERS.length - 1]!;
  const block = Math.ceil((n - last.upTo) / ITEM_STEP.size);
  return last.rate + block * ITEM_STEP.increase;
}

/** Total for the first `count` applications of a month (e.g. 35 → 20×100 + 5×200 = 3,000). */
export function itemTotal(count: number): number {
  let sum = 0;
  for (let n = 1; n <= count; n++) sum += itemRate(n);
  return sum;
}

/** 按量计收 for one application of `pages` pages (150 → 70×10 + 50×20 = 1,700). */
export function pageFee(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0) throw new DomainError('fee.invalid', '页数应为非负整数。');
  let sum = 0;
  let below = 0;
  for (const t of PAGE_TIERS) {
    const inTier = Math.max(0, Math.min(pages, t.upTo) - below);
    sum += inTier * t.rate;
    below = t.upTo;
    if (pages <= t.upTo) break;
  }
  return sum;
}

/** How an application is charged: the union makes "both methods" unrepresentable. */
export type FeeBasis =
  | {
      method: 'per_item';
      /** this application's ordinal among the applicant's applications this month */ ordinal: number;
    }
  | { method: 'per_volume'; pages: number };

export interface FeeAssessment {
  basis: FeeBasis;
  amount: number;
  /** The sentence for the fee notice: basis and standard (109号 requires both). */
  explanation: string;
}

export function assessFee(basis: FeeBasis): FeeAssessment {
  if (basis.method === 'per_item') {
    const amount = itemRate(basis.ordinal);
    return {
      basis,
      amount,
      explanation: `按件计收：本申请为申请人本自然月内向本机关提出的第${basis.ordinal}件申请，按${amount}元/件计收，金额${amount}元。`,
    };
  }
  const amount = pageFee(basis.pages);
  return {
    basis,
    amount,
    explanation: `按量计收：本申请所需提供的信息共${basis.pages}页，按超额累进标准计收，金额${amount}元。`,
  };
}
