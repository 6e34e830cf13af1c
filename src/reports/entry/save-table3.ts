/**
 * Use case: enter table 三 figures by hand for an agency and year — for agencies (or years) whose requests
 * were not handled in Gongkai. Each figure is a whole number ≥ 0 in a cell of the year's format; the source
 * must be named. A bad figure stores nothing.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed, type FieldErrors } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { checkReportYear } from '../agency-report.js';
import { cellId, formatForYear, table3SourceRows } from '../model/formats.js';
import { APPLICANT_KINDS } from '../model/shared-tables.js';
import type { CellId } from '../model/types.js';
import { table3EntriesStore } from '../stores/table3-entries.store.js';
import { reportAgency } from './access.js';

export async function saveEnteredTable3(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  year: number,
  input: { cells: Record<CellId, number>; source: string },
): Promise<void> {
  checkReportYear(year);
  await reportAgency(ctx, actor, agencyId, 'edit');
  const format = formatForYear(year);
  const known = new Set(
    table3SourceRows(format).flatMap((r) => [...APPLICANT_KINDS, 'total'].map((k) => cellId(r.id, k))),
  );
  const fields: FieldErrors = {};
  for (const [id, count] of Object.entries(input.cells)) {
    if (!known.has(id)) fields[id] = `${format}年版格式的申请情况表中没有单元格“${id}”。`;
    else if (!Number.isInteger(count) || count < 0) fields[id] = `“${id}”应为不小于 0 的整数。`;
  }
  if (!input.source.trim()) fields.source = '请注明数据来源。';
  if (Object.keys(fields).length) throw validationFailed(fields);
  await ctx.db.transaction().execute(async (tx) => {
    await table3EntriesStore.put(
      tx,
      agencyId,
      year,
      { cells: input.cells, source: input.source.trim() },
      ctx.now().toISOString(),
    );
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'report_table3',
      entityId: `${agencyId}/${year}`,
      action: 'report.table3_entered',
      data: { year, cells: Object.keys(input.cells).length },
    });
  });
}
