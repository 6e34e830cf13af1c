/**
 * The scorecard a supervising office starts from (data, not law: the office changes weights and thresholds).
 * Weights add up to 100. Rates are fractions: at or above `fullAt` the whole weight, below `zeroBelow` none.
 */
import type { Thresholds } from './scoring.js';

export interface MeasureConfig {
  code: string;
  kind: 'computed' | 'manual';
  label: string;
  weight: number;
  fullAt: number;
  zeroBelow: number;
}

export const defaultThresholds: Thresholds = { excellent: 90, good: 80, pass: 60 };

export const defaultMeasures: MeasureConfig[] = [
  {
    code: 'art26',
    kind: 'computed',
    label: '主动公开信息20个工作日内公开',
    weight: 20,
    fullAt: 1,
    zeroBelow: 0.6,
  },
  { code: 'requests', kind: 'computed', label: '依申请公开按期答复', weight: 20, fullAt: 1, zeroBelow: 0.6 },
  { code: 'messages', kind: 'computed', label: '留言按承诺时限答复', weight: 15, fullAt: 1, zeroBelow: 0.6 },
  {
    code: 'annualReport',
    kind: 'computed',
    label: '年度报告按时公开且通过检查',
    weight: 10,
    fullAt: 1,
    zeroBelow: 0,
  },
  {
    code: 'columns',
    kind: 'computed',
    label: '栏目及时更新、无空白栏目',
    weight: 15,
    fullAt: 1,
    zeroBelow: 0.5,
  },
  { code: 'institution', kind: 'manual', label: '制度建设与组织保障', weight: 10, fullAt: 1, zeroBelow: 0 },
  { code: 'training', kind: 'manual', label: '业务培训与解读回应', weight: 10, fullAt: 1, zeroBelow: 0 },
];
