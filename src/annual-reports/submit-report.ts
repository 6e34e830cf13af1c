/**
 * Use case: submit the report to the supervising office (Art. 49). Every required narrative part must be
 * written and no 【待填写】 marker may remain; failing cross-checks do not stop submission (the supervisor sees
 * them), they stop publication.
 */
import type { Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { validationFailed } from '../platform/errors.js';
import { missingParts, partIds, partLabel } from './narrative.js';
import { parseYear, reportFor } from './report-access.js';
import { applyStep } from './transition.js';
import { PLACEHOLDER } from './writing/draft.js';

export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  input: { agencyId: string; year: unknown },
) {
  const year = parseYear(input.year);
  await ctx.db.transaction().execute(async (tx) => {
    const r = await reportFor(tx, actor, 'reports.edit', input.agencyId, year);
    const fields: Record<string, string> = {};
    for (const id of missingParts(r.narrative)) fields[id] = `请填写${partLabel(id)}`;
    for (const id of partIds)
      if (!fields[id] && r.narrative[id].match(PLACEHOLDER))
        fields[id] = `${partLabel(id)}还有“待填写”的内容`;
    if (Object.keys(fields).length) throw validationFailed(fields, '年报尚未写完，不能报送。');
    await applyStep(tx, ctx.now(), actor, r, 'submit', {}, { returnComment: null });
  });
}
