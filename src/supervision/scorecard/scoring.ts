/** Points and grades of the scorecard. Pure. */
import type { Grade } from '../accountability.js';

export interface Thresholds {
  excellent: number;
  good: number;
  pass: number;
}

/**
 * A rate at or above `fullAt` earns the whole weight, below `zeroBelow` nothing, linear between; a measure with
 * nothing to assess (rate null) loses no points. One decimal.
 */
export function pointsFor(weight: number, fullAt: number, zeroBelow: number, rate: number | null): number {
  if (rate === null || rate >= fullAt) return weight;
  if (rate < zeroBelow) return 0;
  return Math.round(((weight * (rate - zeroBelow)) / (fullAt - zeroBelow)) * 10) / 10;
}

export function gradeFor(total: number, t: Thresholds): Grade {
  if (total >= t.excellent) return 'excellent';
  if (total >= t.good) return 'good';
  if (total >= t.pass) return 'pass';
  return 'fail';
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
