/**
 * Use case: store table 二 figures (Art. 20 (一)(五)(六)(八)(九)) for an agency and year, from the entry
 * screen or an import. All rows are checked first; any problem stores nothing.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed, type FieldErrors } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { checkReportYear } from '../agency-report.js';
import { article20EntryProblems } from '../article20-entry.js';
import { formatForYear } from '../model/formats.js';
import type { FormatVersion } from '../model/types.js';
import type { Article20Entry } from '../ports.js';
import { article20Store } from '../stores/article20.store.js';
import { reportAgency } from './access.js';

/** Problems by row id; empty when every entry may be stored. */
export function article20Problems(format: FormatVersion, entries: readonly Article20Entry[]): FieldErrors {
  const fields: FieldErrors = {};
  const seen = new Set<string>();
  for (const entry of entries) {
    const problems = article20EntryProblems(format, entry);
    if (seen.has(entry.rowId)) problems.push(`“${entry.rowId}”重复出现。`);
    seen.add(entry.rowId);
    if (problems.length) fields[entry.rowId] = problems.join('');
  }
  return fields;
}

export async function saveArticle20Figures(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  year: number,
  entries: readonly Article20Entry[],
  how: 'form' | 'import' = 'form',
): Promise<void> {
  checkReportYear(year);
  await reportAgency(ctx, actor, agencyId, 'edit');
  if (!entries.length) throw validationFailed({}, '没有可保存的数据，请至少填写一行。');
  const fields = article20Problems(formatForYear(year), entries);
  if (Object.keys(fields).length) throw validationFailed(fields);
  await ctx.db.transaction().execute(async (tx) => {
    await article20Store.put(tx, agencyId, year, entries, ctx.now().toISOString());
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'report_article20',
      entityId: `${agencyId}/${year}`,
      action: how === 'import' ? 'report.article20_imported' : 'report.article20_saved',
      data: { year, rows: entries.map((e) => e.rowId) },
    });
  });
}
