/**
 * The benchmark contract. Every figure is reported beside a reference measured in the same run on the same
 * machine, so the ratio means something on any hardware. Budgets (targets) live here, never in tests.
 */
export interface BenchFigure {
  /** What was measured, e.g. "portal home page". */
  name: string;
  value: number;
  unit: string;
  reference: { name: string; value: number };
  /** value / reference.value, oriented so that the reader knows which way is better (see `better`). */
  ratio: number;
  better: 'higher' | 'lower';
  /** Optional target for the ratio, e.g. 0.5 (≥ 0.5× of the reference) — printed, never asserted in tests. */
  target?: number;
  notes?: string;
}

export interface BenchContext {
  /** Scale chosen on the command line: `npm run bench -- --scale small|full`. */
  scale: 'small' | 'full';
  log: (line: string) => void;
}

export interface Bench {
  name: string;
  run: (ctx: BenchContext) => Promise<BenchFigure[]>;
}

export function figure(
  name: string,
  value: number,
  unit: string,
  reference: { name: string; value: number },
  better: 'higher' | 'lower',
  extra: { target?: number; notes?: string } = {},
): BenchFigure {
  return { name, value, unit, reference, ratio: value / reference.value, better, ...extra };
}

/** Median of a list of samples. */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Percentile (0–100) of a list of samples, nearest rank. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}
