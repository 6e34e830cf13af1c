/**
 * Demo data: 县政务公开办 (固镇县人民政府办公室) assesses the agencies it supervises for 2025 with the default
 * scorecard, enters the two manual measures for three of them with a written note as evidence, and computes it —
 * all through the use cases, so the league table and each agency's 2025 assessment come from the demo's own
 * catalog, requests, messages and annual reports (hence it loads after them).
 */
import { systemActor } from '../../platform/actor.js';
import type { DemoAgencyIds } from '../../agencies/demo-loader.js';
import type { AppContext } from '../../platform/context.js';
import { computeScorecard } from './compute-scorecard.js';
import { configureScorecard } from './configure-scorecard.js';
import { defaultMeasures, defaultThresholds } from './default-scorecard.js';
import { enterManualScore } from './enter-manual-score.js';

export const DEMO_SCORECARD_YEAR = 2025;

/** Manual points (制度建设与组织保障 / 业务培训与解读回应, 10 each) with the note that backs them. */
const manualScores: { agency: string; code: string; points: string; note: string }[] = [
  {
    agency: 'zhongxing',
    code: 'institution',
    points: '9',
    note: '已印发政务公开工作要点和保密审查制度，明确党政办公室负责日常工作；未单独设立考核细则，扣1分。',
  },
  {
    agency: 'zhongxing',
    code: 'training',
    points: '8',
    note: '全年组织政务公开业务培训2次，重要政策均配发解读；回应关切不够及时，扣2分。',
  },
  {
    agency: 'hugou',
    code: 'institution',
    points: '7',
    note: '工作机构已明确，但保密审查、依申请公开办理等制度未及时修订，扣3分。',
  },
  {
    agency: 'hugou',
    code: 'training',
    points: '6',
    note: '全年仅组织培训1次，政策解读数量不足，扣4分。',
  },
  {
    agency: 'guzhen-education',
    code: 'institution',
    points: '10',
    note: '制度健全，分管负责人和工作人员明确，按要求报送工作台账。',
  },
  {
    agency: 'guzhen-education',
    code: 'training',
    points: '9',
    note: '开展培训3次，招生入学政策均有图文解读，个别解读发布滞后，扣1分。',
  },
];

export async function loadScorecardDemo(ctx: AppContext, ids: DemoAgencyIds): Promise<void> {
  const actor = systemActor('县政务公开办（演示）');
  const officeId = ids['guzhen-office'];
  const year = String(DEMO_SCORECARD_YEAR);
  // The default scorecard, stored as the office's own choice for the year (percent thresholds, as the form sends).
  const form: Record<string, string> = {
    officeId: officeId!,
    year,
    excellent: String(defaultThresholds.excellent),
    good: String(defaultThresholds.good),
    pass: String(defaultThresholds.pass),
  };
  for (const m of defaultMeasures) {
    form[`weight_${m.code}`] = String(m.weight);
    form[`fullAt_${m.code}`] = String(m.fullAt * 100);
    form[`zeroBelow_${m.code}`] = String(m.zeroBelow * 100);
  }
  await configureScorecard(ctx, actor, form);
  for (const s of manualScores)
    await enterManualScore(ctx, actor, {
      officeId,
      year,
      agencyId: ids[s.agency],
      code: s.code,
      points: s.points,
      note: s.note,
    });
  await computeScorecard(ctx, actor, { officeId, year });
}
