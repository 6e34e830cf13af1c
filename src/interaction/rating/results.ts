/** Results of a campaign per agency: each round's averages, and the overall score over all responses. */
import type { Agency } from '../../access/agency.js';
import type { Queryable } from '../../platform/db/database.js';
import { criteria, overall, type Scores } from './criteria.js';
import { ratingsStore } from './ratings.store.js';

export interface RoundResult {
  responses: number;
  scores: Scores;
  overall: number;
}

export interface AgencyRatingResult {
  agency: Agency;
  invited: RoundResult | null;
  public: RoundResult | null;
  all: RoundResult | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function campaignResults(
  db: Queryable,
  campaignId: string,
  agencies: readonly Agency[],
): Promise<AgencyRatingResult[]> {
  const ids = await ratingsStore.campaignAgencies(db, campaignId);
  const rows = await ratingsStore.results(db, campaignId);
  return agencies
    .filter((a) => ids.includes(a.id))
    .map((agency) => {
      const mine = rows.filter((r) => r.agencyId === agency.id);
      const combine = (rs: typeof rows): RoundResult | null => {
        const n = rs.reduce((t, r) => t + r.responses, 0);
        if (n === 0) return null;
        const scores = Object.fromEntries(
          criteria.map((c) => [c, round2(rs.reduce((t, r) => t + r[c] * r.responses, 0) / n)]),
        ) as Scores;
        return { responses: n, scores, overall: round2(overall(scores)) };
      };
      return {
        agency,
        invited: combine(mine.filter((r) => r.round === 'invited')),
        public: combine(mine.filter((r) => r.round === 'public')),
        all: combine(mine),
      };
    });
}
