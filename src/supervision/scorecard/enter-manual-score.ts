/**
 * Use case: the supervising office enters an agency's points on a manual measure of its scorecard, with
 * evidence — a file checked by its bytes (PDF/PNG/JPEG, ≤ 5 MB, as message attachments) or a note, or both.
 * Entering again replaces the previous entry (the event log keeps the history).
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Actor } from '../../platform/actor.js';
import { checkAttachment } from '../../interaction/attachment.js';
import type { UploadedFile } from '../../platform/uploads.js';
import type { AppContext } from '../../platform/context.js';
import { validationFailed, type FieldErrors } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { loadScorecard, storeScorecard } from './configure-scorecard.js';
import { coveredBy, officeFor, parseScorecardYear } from './scope.js';
import { scorecardStore } from './scorecard.store.js';
import { formTextOrNumber } from '../../platform/form-values.js';

export async function enterManualScore(
  ctx: AppContext,
  actor: Actor,
  input: Record<string, unknown>,
  file?: Pick<UploadedFile, 'fileName' | 'data'>,
): Promise<void> {
  const all = await agenciesStore.all(ctx.db);
  const office = officeFor(actor, all, formTextOrNumber(input.officeId));
  const year = parseScorecardYear(input.year);
  const sc = await loadScorecard(ctx.db, office.id, year);
  const f: FieldErrors = {};
  const agencyId = formTextOrNumber(input.agencyId);
  if (!coveredBy(all, office.id).some((a) => a.id === agencyId)) f.agencyId = '请选择被考核单位';
  const measure = sc.measures.find((m) => m.kind === 'manual' && m.code === formTextOrNumber(input.code));
  if (!measure) f.code = '请选择人工评分项目';
  const pointsText = formTextOrNumber(input.points);
  const points = Number(pointsText);
  if (!/^\d+(\.\d)?$/.test(pointsText) || (measure && points > measure.weight))
    f.points = measure ? `得分应为 0 至 ${measure.weight} 之间的数，最多一位小数` : '请填写得分';
  const note = formTextOrNumber(input.note);
  if ([...note].length > 2000) f.note = '说明不能超过 2000 个字';
  const checked = file && file.data.length > 0 ? await checkAttachment(file) : undefined;
  if (checked && !checked.ok) f.evidence = checked.message;
  else if (!checked && !note) f.evidence = '请上传佐证材料或填写评分说明';
  if (Object.keys(f).length) throw validationFailed(f);
  await ctx.db.transaction().execute(async (tx) => {
    const at = ctx.now().toISOString();
    const id = sc.id || (await storeScorecard(tx, sc, actor.label, at));
    await scorecardStore.upsertManual(tx, {
      scorecard_id: id,
      agency_id: agencyId,
      code: measure!.code,
      points,
      note,
      evidence_name: checked?.ok ? checked.filename : null,
      evidence_type: checked?.ok ? checked.contentType : null,
      evidence: checked?.ok ? file!.data : null,
      entered_by: actor.label,
      entered_at: at,
    });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId,
      entityType: 'scorecard',
      entityId: id,
      action: 'scorecard.manual_scored',
      data: { year, code: measure!.code, points, evidence: checked?.ok ? checked.filename : null },
    });
  });
}
