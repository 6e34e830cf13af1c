/** Reads a computed scorecard back: each covered agency's total, grade and per-measure breakdown. */
import type { Agency } from '../../access/agency.js';
import type { Queryable } from '../../platform/db/database.js';
import type { AgencyResult } from './compute-scorecard.js';
import type { Scorecard } from './configure-scorecard.js';
import { scorecardStore } from './scorecard.store.js';
import { gradeFor, round1 } from './scoring.js';

export async function scorecardResults(
  db: Queryable,
  sc: Scorecard,
  agencies: readonly Agency[],
): Promise<AgencyResult[]> {
  if (!sc.id || !sc.computedAt) return [];
  const rows = await scorecardStore.results(db, sc.id);
  const byAgency = new Map<string, typeof rows>();
  for (const r of rows) byAgency.set(r.agency_id, [...(byAgency.get(r.agency_id) ?? []), r]);
  const out: AgencyResult[] = [];
  for (const a of agencies) {
    const mine = byAgency.get(a.id);
    if (!mine) continue;
    const byCode = new Map(mine.map((r) => [r.code, r]));
    const measures = sc.measures
      .filter((m) => byCode.has(m.code))
      .map((m) => {
        const r = byCode.get(m.code)!;
        return {
          code: m.code,
          label: m.label,
          weight: m.weight,
          points: Number(r.points),
          rate: r.rate === null ? null : Number(r.rate),
          figures: JSON.parse(r.figures) as Record<string, number | string | null>,
          explanation: r.explanation,
        };
      });
    const total = round1(measures.reduce((s, m) => s + m.points, 0));
    out.push({
      agencyId: a.id,
      name: a.name,
      total,
      grade: gradeFor(total, sc.thresholds),
      measures,
    });
  }
  return out.sort((x, y) => y.total - x.total);
}
