/**
 * Use case: a supervising office sets its scorecard for a year — each measure's weight (points) and
 * thresholds (percent: full marks at or above, none below), the grade thresholds, and optionally one new
 * manual measure. Weights must add up to 100. The first read of a year starts from the default scorecard.
 */
import { agenciesStore } from '../../access/agencies.store.js';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { validationFailed, type FieldErrors } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { newId } from '../../platform/ids.js';
import { defaultMeasures, defaultThresholds, type MeasureConfig } from './default-scorecard.js';
import { scorecardStore } from './scorecard.store.js';
import { officeFor, parseScorecardYear } from './scope.js';
import type { Thresholds } from './scoring.js';
import { formTextOrNumber } from '../../platform/form-values.js';

export interface Scorecard {
  id: string;
  officeId: string;
  year: number;
  thresholds: Thresholds;
  measures: MeasureConfig[];
  computedAt: string | null;
}

const NUM = /^\d+(\.\d)?$/;

/** The stored scorecard, or the default one (not stored) when the office has not set one for the year. */
export async function loadScorecard(db: Queryable, officeId: string, year: number): Promise<Scorecard> {
  const row = await scorecardStore.byOfficeYear(db, officeId, year);
  if (!row)
    return {
      id: '',
      officeId,
      year,
      thresholds: defaultThresholds,
      measures: defaultMeasures,
      computedAt: null,
    };
  const measures = (await scorecardStore.measures(db, row.id)).map((m) => ({
    code: m.code,
    kind: m.kind as MeasureConfig['kind'],
    label: m.label,
    weight: Number(m.weight),
    fullAt: Number(m.full_at),
    zeroBelow: Number(m.zero_below),
  }));
  return {
    id: row.id,
    officeId,
    year,
    thresholds: JSON.parse(row.grade_thresholds) as Thresholds,
    measures,
    computedAt: row.computed_at,
  };
}

/** Stores `sc` (creating the row when new) inside the caller's transaction; returns its id. */
export async function storeScorecard(db: Queryable, sc: Scorecard, by: string, at: string): Promise<string> {
  const id = sc.id || newId();
  if (!sc.id)
    await scorecardStore.insert(db, {
      id,
      office_id: sc.officeId,
      year: sc.year,
      grade_thresholds: JSON.stringify(sc.thresholds),
      updated_by: by,
      updated_at: at,
      computed_at: null,
    });
  else
    await scorecardStore.touch(db, id, {
      grade_thresholds: JSON.stringify(sc.thresholds),
      updated_by: by,
      updated_at: at,
    });
  await scorecardStore.replaceMeasures(
    db,
    id,
    sc.measures.map((m, i) => ({
      scorecard_id: id,
      code: m.code,
      kind: m.kind,
      label: m.label,
      weight: m.weight,
      full_at: m.fullAt,
      zero_below: m.zeroBelow,
      sort_order: i,
    })),
  );
  return id;
}

export async function configureScorecard(
  ctx: AppContext,
  actor: Actor,
  input: Record<string, unknown>,
): Promise<void> {
  const all = await agenciesStore.all(ctx.db);
  const office = officeFor(actor, all, formTextOrNumber(input.officeId));
  const year = parseScorecardYear(input.year);
  const current = await loadScorecard(ctx.db, office.id, year);
  const f: FieldErrors = {};
  const measures: MeasureConfig[] = current.measures.map((m) => {
    const w = formTextOrNumber(input[`weight_${m.code}`]);
    const full = formTextOrNumber(input[`fullAt_${m.code}`]);
    const zero = formTextOrNumber(input[`zeroBelow_${m.code}`]);
    if (!NUM.test(w) || Number(w) > 100) f[`weight_${m.code}`] = `“${m.label}”的分值应为 0 至 100 的数`;
    if (m.kind === 'computed') {
      if (!NUM.test(full) || Number(full) > 100 || Number(full) === 0)
        f[`fullAt_${m.code}`] = `“${m.label}”的满分线应为 0 至 100 之间的百分数`;
      else if (!NUM.test(zero) || Number(zero) >= Number(full))
        f[`zeroBelow_${m.code}`] = `“${m.label}”的零分线应为小于满分线的百分数`;
    }
    return {
      ...m,
      weight: Number(w),
      fullAt: m.kind === 'computed' ? Number(full) / 100 : 1,
      zeroBelow: m.kind === 'computed' ? Number(zero) / 100 : 0,
    };
  });
  const newLabel = formTextOrNumber(input.newLabel);
  const newWeight = formTextOrNumber(input.newWeight);
  if (newLabel || newWeight) {
    if (!newLabel || [...newLabel].length > 40) f.newLabel = '新增人工评分项目的名称应为 1 至 40 个字';
    else if (measures.some((m) => m.label === newLabel)) f.newLabel = '已有同名的考核项目';
    if (!NUM.test(newWeight) || Number(newWeight) > 100) f.newWeight = '新增项目的分值应为 0 至 100 的数';
    measures.push({
      code: `manual${measures.length + 1}`,
      kind: 'manual',
      label: newLabel,
      weight: Number(newWeight),
      fullAt: 1,
      zeroBelow: 0,
    });
  }
  const t = {
    excellent: Number(formTextOrNumber(input.excellent)),
    good: Number(formTextOrNumber(input.good)),
    pass: Number(formTextOrNumber(input.pass)),
  };
  for (const k of ['excellent', 'good', 'pass'] as const)
    if (!NUM.test(formTextOrNumber(input[k])) || t[k] > 100) f[k] = '等次分数线应为 0 至 100 的数';
  if (!f.excellent && !f.good && !f.pass && !(t.excellent > t.good && t.good > t.pass))
    f.excellent = '分数线应为：优秀 > 良好 > 合格';
  const sum = Math.round(measures.reduce((s, m) => s + m.weight, 0) * 10) / 10;
  if (Object.keys(f).length === 0 && sum !== 100) f.weight_art26 = `各项分值合计应为 100，现为 ${sum}`;
  if (Object.keys(f).length) throw validationFailed(f);
  await ctx.db.transaction().execute(async (tx) => {
    const id = await storeScorecard(
      tx,
      { ...current, thresholds: t, measures },
      actor.label,
      ctx.now().toISOString(),
    );
    // Results computed under the old settings no longer match them: shown again after the next computation.
    await scorecardStore.touch(tx, id, { computed_at: null });
    await appendEvent(tx, {
      at: ctx.now(),
      actor,
      agencyId: office.id,
      entityType: 'scorecard',
      entityId: id,
      action: 'scorecard.configured',
      data: { year, thresholds: t, measures: measures.map((m) => [m.code, m.weight, m.fullAt, m.zeroBelow]) },
    });
  });
}
