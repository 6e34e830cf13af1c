/**
 * Annual reports for a whole province: every agency's 2025 report computed from in-memory rows (cases,
 * disputes, Art. 20 entries) through the same ports and `computeReport` the application uses, against one raw
 * group-by over the same rows (a plain reduce into a Map keyed by agency, row and column) in the same run.
 * The report path does more — case lists per cell, derived totals, provenance — and the target is ≤ 2×.
 */
import { figure, median, type Bench } from './bench.js';
import { computeReport } from '../src/reports/compute-report.js';
import type { Dispute } from '../src/reports/disputes/register.js';
import { DEFAULT_RESULT_COLUMNS } from '../src/reports/disputes/result-columns.js';
import {
  casesTable3Source,
  memoryArticle20Source,
  memoryDisputeRegister,
} from '../src/reports/memory-sources.js';
import { APPLICANT_KINDS } from '../src/reports/model/shared-tables.js';
import type { AgencyRef } from '../src/reports/model/types.js';
import type { Article20Entry } from '../src/reports/ports.js';
import { DEFAULT_OUTCOME_ROWS, OUTCOMES } from '../src/statute/outcomes.js';
import type { RequestCase } from '../src/reports/table3.js';

const YEAR = 2025;

function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Province {
  agencies: AgencyRef[];
  cases: (RequestCase & { agencyId: string })[];
  disputes: Dispute[];
}

function generate(agencyCount: number, caseCount: number, disputeCount: number): Province {
  const rnd = prng(20250101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const days: string[] = [];
  for (let t = Date.UTC(2024, 5, 1); t <= Date.UTC(2026, 1, 28); t += 86400000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  const agencies: AgencyRef[] = Array.from({ length: agencyCount }, (_, i) => ({
    id: `ag${i}`,
    name: `机关${i}`,
    level: i % 10 === 0 ? 'county-government' : i % 3 === 0 ? 'township' : 'county-department',
  }));
  const cases = Array.from({ length: caseCount }, (_, i) => {
    const received = Math.floor(rnd() * (days.length - 60));
    const open = rnd() < 0.1;
    return {
      agencyId: agencies[Math.floor(rnd() * agencyCount)]!.id,
      id: `c${i}`,
      applicant: pick(APPLICANT_KINDS),
      receivedOn: days[received]!,
      ...(open ? {} : { outcome: { code: pick(OUTCOMES), on: days[received + Math.floor(rnd() * 45)]! } }),
    };
  });
  const reviewResults = Object.keys(
    DEFAULT_RESULT_COLUMNS.reconsideration,
  ) as (keyof typeof DEFAULT_RESULT_COLUMNS.reconsideration)[];
  const suitResults = Object.keys(
    DEFAULT_RESULT_COLUMNS.litigation,
  ) as (keyof typeof DEFAULT_RESULT_COLUMNS.litigation)[];
  const disputes: Dispute[] = Array.from({ length: disputeCount }, (_, i) => {
    const filed = Math.floor(rnd() * (days.length - 200));
    const decided = filed + 20 + Math.floor(rnd() * 60);
    const stages: Dispute['stages'] = [];
    const review = rnd() < 0.7;
    if (review) {
      stages.push({
        kind: 'reconsideration',
        body: '某县人民政府',
        filedOn: days[filed]!,
        decidedOn: days[decided]!,
        result: pick(reviewResults),
      });
    }
    if (!review || rnd() < 0.3) {
      const suitFiled = review ? decided + 10 : filed;
      const pending = rnd() < 0.3;
      stages.push({
        kind: 'lawsuit',
        body: '某市中级人民法院',
        filedOn: days[suitFiled]!,
        ...(pending ? {} : { decidedOn: days[suitFiled + 60]!, result: pick(suitResults) }),
      });
    }
    return { id: `d${i}`, agencyId: agencies[Math.floor(rnd() * agencyCount)]!.id, stages };
  });
  return { agencies, cases, disputes };
}

/** Every report, through the ports and computeReport. Returns a checksum so the work cannot be skipped. */
async function computeAll(p: Province): Promise<number> {
  const sources = {
    article20: memoryArticle20Source(
      p.agencies.map((a) => ({
        agencyId: a.id,
        year: YEAR,
        entries: <Article20Entry[]>[
          { rowId: 't2.r5.licensing', values: { decisions: 12 }, source: '演示' },
          { rowId: 't2.r8.fee', values: { amount: 1.5 }, source: '演示' },
        ],
      })),
    ),
    table3: casesTable3Source(p.cases),
    disputes: memoryDisputeRegister(p.disputes),
  };
  let check = 0;
  for (const agency of p.agencies) {
    const report = await computeReport(agency, YEAR, sources);
    check += report.tables.t3['t3.r1:total'] ?? 0;
    check += report.tables.t4['t4.r1:review.total'] ?? 0;
  }
  return check;
}

/** The reference: one pass over the rows, counting by (agency, row, column) — what a GROUP BY does. */
function groupBy(p: Province): number {
  const start = `${YEAR}-01-01`;
  const end = `${YEAR}-12-31`;
  const counts = p.cases.reduce((m, c) => {
    if (c.receivedOn > end) return m;
    const on = c.outcome?.on;
    if (on !== undefined && on < start) return m;
    const bump = (row: string) => {
      const key = `${c.agencyId}|${row}|${c.applicant}`;
      m.set(key, (m.get(key) ?? 0) + 1);
    };
    bump(c.receivedOn >= start ? 't3.r1' : 't3.r2');
    bump(on !== undefined && on <= end ? DEFAULT_OUTCOME_ROWS[c.outcome!.code]['2021'] : 't3.r4');
    return m;
  }, new Map<string, number>());
  const disputes = p.disputes.reduce((m, d) => {
    for (const s of d.stages) {
      if (s.filedOn > end || (s.decidedOn !== undefined && s.decidedOn < start)) continue;
      const key = `${d.agencyId}|${s.kind}|${s.decidedOn !== undefined && s.decidedOn <= end ? s.result : 'pending'}`;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    return m;
  }, new Map<string, number>());
  return counts.size + disputes.size;
}

const bench: Bench = {
  name: 'reports',
  async run({ scale, log }) {
    const f = scale === 'full' ? 1 : 0.1;
    const p = generate(5000 * f, 500000 * f, 20000 * f);
    log(`${p.agencies.length} agencies, ${p.cases.length} request outcomes, ${p.disputes.length} disputes`);
    const ours: number[] = [];
    const reference: number[] = [];
    await computeAll(p); // warm-up
    groupBy(p);
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      await computeAll(p);
      ours.push(performance.now() - t);
      t = performance.now();
      groupBy(p);
      reference.push(performance.now() - t);
    }
    return [
      figure(
        `compute every report (${p.agencies.length} agencies)`,
        median(ours),
        'ms',
        { name: 'one raw group-by over the same rows', value: median(reference) },
        'lower',
        { target: 2, notes: 'reports keep case ids per cell, derive totals and provenance' },
      ),
    ];
  },
};

export default bench;
