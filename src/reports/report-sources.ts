/**
 * The report's ports filled from this deployment's stores. `table3SourceFor` is the seam for the requests
 * capability: today it reads entered figures; once requests are handled in Gongkai it returns the
 * case-backed source (falling back to entered figures for years before the agency used Gongkai).
 */
import type { AppContext } from '../platform/context.js';
import { requestsTable3Source } from './requests-table3.js';
import { normativeDocumentCounts, registryInUse } from '../catalog/registry/registry.js';
import type {
  Article20Entry,
  Article20Source,
  DisputeRegisterSource,
  ReportSources,
  Table3Source,
} from './ports.js';
import { article20Store } from './stores/article20.store.js';
import { disputesStore } from './stores/disputes.store.js';
import { table3EntriesStore } from './stores/table3-entries.store.js';
import type { FormatVersion } from './model/types.js';
import type { Table3Figures } from './table3.js';

/** Table 三 figures entered by hand, each cell's provenance naming their source. */
function enteredTable3StoreSource(ctx: AppContext): Table3Source {
  return {
    async table3(agency, year) {
      const entered = await table3EntriesStore.get(ctx.db, agency.id, year);
      const cells: Table3Figures['cells'] = {};
      if (entered) {
        for (const [id, count] of Object.entries(entered.cells))
          cells[id] = { count, source: entered.source };
      }
      return { cells };
    },
  };
}

/**
 * Entered figures where staff entered (or imported) them for the agency-year — history from before the agency
 * used Gongkai, and the reports demo's stand-in — otherwise the cases themselves.
 */
export function table3SourceFor(ctx: AppContext): Table3Source {
  const cases = requestsTable3Source(ctx);
  return {
    async table3(agency, year, format) {
      const entered = await table3EntriesStore.get(ctx.db, agency.id, year);
      return entered
        ? enteredTable3StoreSource(ctx).table3(agency, year, format)
        : cases.table3(agency, year, format);
    },
  };
}

/**
 * Table 二 as entered, except the 规范性文件 row of the current format, which the normative-document
 * registry computes (本年制发 / 本年废止 / 现行有效, portal-standards §5: the report must reconcile with the
 * registry) once the agency keeps its register here; before that, the entered history stands. The 2019
 * trial format counts differently (新制作 / 新公开 / 对外公开总数) and stays entered.
 */
function article20SourceFor(ctx: AppContext): Article20Source {
  return {
    article20: async (agency, year, format) =>
      withRegistryRow(ctx, agency.id, year, format, await article20Store.forYear(ctx.db, agency.id, year)),
  };
}

/** The entered table 二 rows with the registry's 规范性文件 row in place of the entered one (see above). */
export async function withRegistryRow(
  ctx: AppContext,
  agencyId: string,
  year: number,
  format: FormatVersion,
  entered: readonly Article20Entry[],
): Promise<readonly Article20Entry[]> {
  if (format === '2019' || !(await registryInUse(ctx.db, agencyId, year))) return entered;
  const [counts] = await normativeDocumentCounts(ctx.db, [agencyId], year);
  const computed: Article20Entry = {
    rowId: NORMATIVE_ROW,
    values: { issued: counts!.made, repealed: counts!.repealed, inForce: counts!.inForce },
    source: `规范性文件登记（本平台），截至 ${year}-12-31`,
  };
  return [...entered.filter((e) => e.rowId !== NORMATIVE_ROW), computed];
}

const NORMATIVE_ROW = 't2.r1.normative';

function disputeRegisterFor(ctx: AppContext): DisputeRegisterSource {
  return { disputes: (agency, year) => disputesStore.ofAgency(ctx.db, agency.id, `${year}-12-31`) };
}

export function reportSourcesFor(ctx: AppContext): ReportSources {
  return {
    article20: article20SourceFor(ctx),
    table3: table3SourceFor(ctx),
    disputes: disputeRegisterFor(ctx),
  };
}
