/** Named figures of a report that narratives speak of, read from the computed tables (never typed). */
import type { AnnualReport } from '../../reports/model/types.js';

const t3 = (r: AnnualReport, row: string): number => r.tables.t3[`${row}:total`] ?? 0;
const t3Sum = (r: AnnualReport, prefix: string): number => {
  const start = `${prefix}.`;
  let sum = 0;
  for (const id in r.tables.t3) {
    if (id.startsWith(start) && id.endsWith(':total')) sum += r.tables.t3[id] ?? 0;
  }
  return sum;
};
const t4 = (r: AnnualReport, col: string): number => r.tables.t4[`t4.r1:${col}`] ?? 0;
const t2 = (r: AnnualReport, cell: string): number => r.tables.t2[cell] ?? 0;

export interface ReportFigures {
  received: number;
  carriedOver: number;
  concluded: number;
  granted: number;
  partlyGranted: number;
  refused: number;
  unableToProvide: number;
  notProcessed: number;
  otherHandling: number;
  carriedForward: number;
  reviews: number;
  lawsuits: number;
  normativeIssued: number;
  normativeRepealed: number;
  normativeInForce: number;
  licensing: number;
  penalty: number;
  coercion: number;
}

export function figuresOf(r: AnnualReport): ReportFigures {
  const y2021 = r.format === '2021';
  return {
    received: t3(r, 't3.r1'),
    carriedOver: t3(r, 't3.r2'),
    concluded: t3(r, 't3.r3.7'),
    granted: t3(r, 't3.r3.1'),
    partlyGranted: t3(r, 't3.r3.2'),
    refused: t3Sum(r, 't3.r3.3'),
    unableToProvide: t3Sum(r, 't3.r3.4'),
    notProcessed: t3Sum(r, 't3.r3.5'),
    // 2019 has one （六）其他处理 row; 2021 splits it in three.
    otherHandling: y2021 ? t3Sum(r, 't3.r3.6') : t3(r, 't3.r3.6'),
    carriedForward: t3(r, 't3.r4'),
    reviews: t4(r, 'review.total'),
    lawsuits: t4(r, 'direct.total') + t4(r, 'afterReview.total'),
    normativeIssued: t2(r, y2021 ? 't2.r1.normative:issued' : 't2.r1.normative:made'),
    normativeRepealed: y2021 ? t2(r, 't2.r1.normative:repealed') : 0,
    normativeInForce: t2(r, y2021 ? 't2.r1.normative:inForce' : 't2.r1.normative:total'),
    licensing: t2(r, 't2.r5.licensing:decisions'),
    penalty: t2(r, 't2.r6.penalty:decisions'),
    coercion: t2(r, 't2.r6.coercion:decisions'),
  };
}
