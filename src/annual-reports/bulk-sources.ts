/**
 * The report stores read in bulk for a roll-up: one query per table for every agency in scope and the years
 * asked for, then answered from memory — the same answers as the per-agency store sources
 * (src/reports/report-sources.ts), which stay the fallback for any agency or year not loaded.
 */
import type { AppContext } from '../platform/context.js';
import type { Article20Entry, ReportSources } from '../reports/ports.js';
import { reportSourcesFor as storeSources, withRegistryRow } from '../reports/report-sources.js';
import type { Dispute } from '../reports/disputes/register.js';
import { article20Store } from '../reports/stores/article20.store.js';
import { disputesStore } from '../reports/stores/disputes.store.js';
import { table3EntriesStore } from '../reports/stores/table3-entries.store.js';
import type { Table3Figures } from '../reports/table3.js';

const key = (agencyId: string, year: number) => `${agencyId}|${year}`;

export async function bulkStoreSources(
  ctx: AppContext,
  agencyIds: readonly string[],
  years: readonly number[],
): Promise<ReportSources> {
  const fallback = storeSources(ctx);
  if (!agencyIds.length || !years.length) return fallback;
  const lastDay = `${Math.max(...years)}-12-31`;
  const [article20, table3, disputes] = await Promise.all([
    article20Store.forAgencies(ctx.db, agencyIds, years),
    table3EntriesStore.forAgencies(ctx.db, agencyIds, years),
    disputesStore.ofAgencies(ctx.db, agencyIds, lastDay),
  ]);
  const loaded = (agencyId: string, year: number) => agencyIds.includes(agencyId) && years.includes(year);

  const a20 = new Map<string, Article20Entry[]>();
  for (const e of article20) {
    const k = key(e.agencyId, e.year);
    const list = a20.get(k) ?? [];
    list.push(e.entry);
    a20.set(k, list);
  }
  const t3 = new Map<string, Table3Figures>();
  for (const f of table3) {
    const cells: Table3Figures['cells'] = {};
    for (const [id, count] of Object.entries(f.cells)) cells[id] = { count, source: f.source };
    t3.set(key(f.agencyId, f.year), { cells });
  }
  const byAgency = new Map<string, (Dispute & { firstFiledOn: string })[]>();
  for (const d of disputes) {
    const list = byAgency.get(d.agencyId) ?? [];
    list.push(d);
    byAgency.set(d.agencyId, list);
  }

  return {
    article20: {
      article20: (agency, year, format) =>
        loaded(agency.id, year)
          ? withRegistryRow(ctx, agency.id, year, format, a20.get(key(agency.id, year)) ?? [])
          : fallback.article20.article20(agency, year, format),
    },
    table3: {
      // Entered figures take precedence; without them table 三 comes from the cases (table3SourceFor).
      table3: (agency, year, format) => {
        const entered = loaded(agency.id, year) ? t3.get(key(agency.id, year)) : undefined;
        return entered ? Promise.resolve(entered) : fallback.table3.table3(agency, year, format);
      },
    },
    disputes: {
      // As the store source: the agency's disputes begun on or before 31 December of the year.
      disputes: (agency, year) =>
        loaded(agency.id, year)
          ? Promise.resolve(
              (byAgency.get(agency.id) ?? [])
                .filter((d) => d.firstFiledOn <= `${year}-12-31`)
                .map(({ firstFiledOn: _, ...d }) => d),
            )
          : fallback.disputes.disputes(agency, year),
    },
  };
}
