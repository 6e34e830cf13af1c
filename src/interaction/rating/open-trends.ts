/**
 * Aggregates of the always-open rating for an agency and year: the twelve months (a month without ratings is
 * empty, not zero, so a trend line is not pulled down) and the year, weighted by the number of ratings. Pure.
 */
import { criteria, overall, type Scores } from './criteria.js';
import type { MonthRow } from './open-ratings.store.js';

interface DisclosureFigures {
  ratings: number;
  scores: Scores;
  overall: number;
}

interface ItemFigures {
  ratings: number;
  useful: number;
  /** Share of item ratings that found the item useful, 0–100. */
  usefulPercent: number;
  scored: number;
  averageScore: number | null;
}

interface MonthTrend {
  month: string;
  disclosure: DisclosureFigures | null;
  items: ItemFigures | null;
}

export interface YearTrend {
  year: number;
  months: MonthTrend[];
  disclosure: DisclosureFigures | null;
  items: ItemFigures | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function disclosureOf(rows: MonthRow[]): DisclosureFigures | null {
  const n = rows.reduce((t, r) => t + r.n, 0);
  if (n === 0) return null;
  const scores = Object.fromEntries(
    criteria.map((c) => [c, round2(rows.reduce((t, r) => t + (r[c] ?? 0) * r.n, 0) / n)]),
  ) as Scores;
  return { ratings: n, scores, overall: round2(overall(scores)) };
}

function itemsOf(rows: MonthRow[]): ItemFigures | null {
  const n = rows.reduce((t, r) => t + r.n, 0);
  if (n === 0) return null;
  const useful = rows.reduce((t, r) => t + (r.useful ?? 0), 0);
  const scored = rows.reduce((t, r) => t + r.scored, 0);
  const scoreSum = rows.reduce((t, r) => t + (r.score ?? 0) * r.scored, 0);
  return {
    ratings: n,
    useful,
    usefulPercent: Math.round((useful / n) * 1000) / 10,
    scored,
    averageScore: scored ? round2(scoreSum / scored) : null,
  };
}

export function yearTrend(year: number, rows: readonly MonthRow[]): YearTrend {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).map(
    (month) => {
      const mine = rows.filter((r) => r.month === month);
      return {
        month,
        disclosure: disclosureOf(mine.filter((r) => r.target === 'agency')),
        items: itemsOf(mine.filter((r) => r.target === 'item')),
      };
    },
  );
  return {
    year,
    months,
    disclosure: disclosureOf(rows.filter((r) => r.target === 'agency')),
    items: itemsOf(rows.filter((r) => r.target === 'item')),
  };
}
