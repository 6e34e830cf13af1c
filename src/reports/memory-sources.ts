/** In-memory implementations of the report ports, for tests, demos and until the real stores exist. */
import type { Dispute } from './disputes/register.js';
import type { AgencyRef, CellId, FormatVersion } from './model/types.js';
import type {
  Article20Entry,
  Article20Source,
  DisputeRegisterSource,
  ReportSources,
  Table3Source,
} from './ports.js';
import { tabulateTable3, type RequestCase, type Table3Figures } from './table3.js';
import type { OutcomeRows } from '../statute/outcomes.js';

const key = (agencyId: string, year: number) => `${agencyId}|${year}`;

/** Table 二 entries by agency and year. */
export function memoryArticle20Source(
  entries: Iterable<{ agencyId: string; year: number; entries: readonly Article20Entry[] }>,
): Article20Source {
  const byKey = new Map<string, readonly Article20Entry[]>();
  for (const e of entries) byKey.set(key(e.agencyId, e.year), e.entries);
  return { article20: async (agency, year) => byKey.get(key(agency.id, year)) ?? [] };
}

/** Table 三 computed from cases, grouped by agency once. */
export function casesTable3Source(
  cases: Iterable<RequestCase & { agencyId: string }>,
  outcomeRows?: OutcomeRows,
): Table3Source {
  const byAgency = new Map<string, RequestCase[]>();
  for (const c of cases) {
    const list = byAgency.get(c.agencyId);
    if (list) list.push(c);
    else byAgency.set(c.agencyId, [c]);
  }
  return {
    table3: async (agency: AgencyRef, year: number, format: FormatVersion) =>
      tabulateTable3(byAgency.get(agency.id) ?? [], year, format, outcomeRows),
  };
}

/** Table 三 as entered figures (e.g. a report typed in before requests were handled in Gongkai). */
export function enteredTable3Source(
  figures: Iterable<{
    agencyId: string;
    year: number;
    cells: Readonly<Record<CellId, number>>;
    source: string;
  }>,
): Table3Source {
  const byKey = new Map<string, Table3Figures>();
  for (const f of figures) {
    const cells: Table3Figures['cells'] = {};
    for (const [id, count] of Object.entries(f.cells)) cells[id] = { count, source: f.source };
    byKey.set(key(f.agencyId, f.year), { cells });
  }
  return { table3: async (agency, year) => byKey.get(key(agency.id, year)) ?? { cells: {} } };
}

/** The register in memory. */
export function memoryDisputeRegister(disputes: Iterable<Dispute>): DisputeRegisterSource {
  const byAgency = new Map<string, Dispute[]>();
  for (const d of disputes) {
    const list = byAgency.get(d.agencyId);
    if (list) list.push(d);
    else byAgency.set(d.agencyId, [d]);
  }
  return { disputes: async (agency) => byAgency.get(agency.id) ?? [] };
}

/** Sources with no figures at all (tests start from these and replace one port). */
export const emptySources = (): ReportSources => ({
  article20: memoryArticle20Source([]),
  table3: casesTable3Source([]),
  disputes: memoryDisputeRegister([]),
});
