/**
 * Use case: the supervising office records an agency's assessment (考核) result for a year: score 0–100,
 * grade, and a summary. Recording again replaces the year's result (the event log keeps the history).
 */
import { agenciesStore } from '../access/agencies.store.js';
import { can } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import type { AppContext } from '../platform/context.js';
import { forbidden, validationFailed, type FieldErrors } from '../platform/errors.js';
import { appendEvent } from '../platform/events.js';
import { newId } from '../platform/ids.js';
import { grades, type Grade } from './accountability.js';
import { supervisionStore } from './supervision.store.js';
import { formTextOrNumber } from '../platform/form-values.js';

export async function recordAssessment(
  ctx: AppContext,
  actor: Actor,
  input: Record<string, unknown>,
): Promise<void> {
  const all = await agenciesStore.all(ctx.db);
  const f: FieldErrors = {};
  const agencyId = formTextOrNumber(input.agencyId);
  const year = Number(formTextOrNumber(input.year));
  const scoreText = formTextOrNumber(input.score);
  const score = Number(scoreText);
  const grade = formTextOrNumber(input.grade);
  const summary = formTextOrNumber(input.summary);
  if (!all.some((a) => a.id === agencyId)) f.agencyId = '请选择被考核单位';
  else if (!can(actor, 'reports.supervise', agencyId, all)) throw forbidden('您无权考核该单位。');
  if (!Number.isInteger(year) || year < 2008 || year > 2100) f.year = '请填写考核年度，如 2025';
  if (!/^\d+(\.\d)?$/.test(scoreText) || score > 100)
    f.score = '考核得分应为 0 至 100 之间的数，最多一位小数';
  if (!grades.includes(grade as Grade)) f.grade = '请选择考核等次';
  if (!summary) f.summary = '请填写考核情况';
  else if ([...summary].length > 1000) f.summary = '考核情况不能超过 1000 个字';
  if (Object.keys(f).length) throw validationFailed(f);
  await ctx.db.transaction().execute(async (tx) => {
    await supervisionStore.upsertAssessment(tx, {
      id: newId(),
      agency_id: agencyId,
      year,
      score,
      grade,
      summary,
      recorded_by: actor.label,
      recorded_at: ctx.now().toISOString(),
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'assessment',
      entityId: `${agencyId}:${year}`,
      action: 'assessment.recorded',
      data: { year, score, grade },
    });
  });
}
