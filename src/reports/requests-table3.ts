/**
 * The report model's table 三 port, filled from the cases (src/requests/): for an agency and year, every cell's
 * count and the case ids behind it. Counting rules live in src/reports/table3.ts (`tabulateTable3`); this only
 * loads cases.
 */
import type { AppContext } from '../platform/context.js';
import type { ApplicantKind } from './model/shared-tables.js';
import type { Outcome } from '../statute/outcomes.js';
import type { Table3Source } from './ports.js';
import { tabulateTable3, type RequestCase } from './table3.js';
import { requestsStore } from '../requests/requests.store.js';

export function requestsTable3Source(ctx: AppContext): Table3Source {
  return {
    async table3(agency, year, format) {
      const rows = await requestsStore.forYear(ctx.db, agency.id, year);
      const cases: RequestCase[] = rows.map((r) => ({
        id: r.id,
        applicant: r.applicant_kind as ApplicantKind,
        receivedOn: r.received_on,
        ...(r.outcome && r.outcome_on ? { outcome: { code: r.outcome as Outcome, on: r.outcome_on } } : {}),
      }));
      return tabulateTable3(cases, year, format);
    },
  };
}
