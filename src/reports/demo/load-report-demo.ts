/**
 * Demo report inputs for 固镇县仲兴乡人民政府, through the real use cases: the 2020 figures of the seed report
 * (no applications, no disputes), and 2024–2025 figures with a reconsideration followed by a lawsuit.
 * Table 三 for 2024–2025 is entered from the demo cases until the requests capability loads them as cases.
 */
import { systemActor } from '../../platform/actor.js';
import type { DemoLoader } from '../../agencies/demo-loader.js';
import type { AppContext } from '../../platform/context.js';
import { registerDispute } from '../entry/register-dispute.js';
import { saveArticle20Figures } from '../entry/save-article20.js';
import { saveEnteredTable3 } from '../entry/save-table3.js';
import { formatForYear } from '../model/formats.js';
import { demo2025Sources, demoDisputes } from './demo-2025.js';
import type { Table3Figures } from '../table3.js';
import { ZHONGXING, zhongxing2020Article20, zhongxing2020Sources } from './zhongxing-2020.js';

const actor = systemActor('演示数据');

/** The seed's 2020 data set: table 二 as published, and table 三 all zero (no applications that year). */
async function load2020(ctx: AppContext, agencyId: string) {
  await saveArticle20Figures(ctx, actor, agencyId, 2020, zhongxing2020Article20());
  const figures = await zhongxing2020Sources().table3.table3(ZHONGXING, 2020, '2019');
  await saveEnteredTable3(ctx, actor, agencyId, 2020, {
    cells: countsOf(figures),
    source: '固镇县仲兴乡人民政府2020年政府信息公开工作年度报告：本年度未收到政府信息公开申请（演示数据）',
  });
}

const countsOf = (figures: Table3Figures) =>
  Object.fromEntries(Object.entries(figures.cells).map(([id, c]) => [id, c.count]));

async function load2024And2025(ctx: AppContext, agencyId: string) {
  const sources = demo2025Sources();
  for (const year of [2024, 2025]) {
    const format = formatForYear(year);
    await saveArticle20Figures(
      ctx,
      actor,
      agencyId,
      year,
      await sources.article20.article20(ZHONGXING, year, format),
    );
  }
  for (const d of demoDisputes()) {
    // The demo dispute's request id names a case of demo-2025.ts, not a stored request: left out until
    // the requests capability loads its demo cases.
    await registerDispute(ctx, actor, agencyId, { reference: '固政复〔2025〕12号', stages: d.stages });
  }
}

/**
 * 2024 is the year before the township handled applications in Gongkai: its table 三 is entered from the
 * paper register. 2025 comes from the cases the requests demo creates through the use cases.
 */
async function enterTable3BeforeGongkai(ctx: AppContext, agencyId: string) {
  const sources = demo2025Sources();
  for (const year of [2024]) {
    const figures = await sources.table3.table3(ZHONGXING, year, formatForYear(year));
    await saveEnteredTable3(ctx, actor, agencyId, year, {
      cells: closedByYearEnd(countsOf(figures)),
      source: '演示数据：2024年依申请公开纸质登记台账汇总',
    });
  }
}

/**
 * The requests demo starts in 2025 with nothing carried over, so the entered 2024 figures must carry nothing
 * forward: applications still open on 31 December 2024 are counted as answered (予以公开) instead, which keeps
 * 一 + 二 = 三 + 四 in every column and the 2024 → 2025 carry-over continuous.
 */
function closedByYearEnd(cells: Record<string, number>): Record<string, number> {
  const out = { ...cells };
  for (const [id, count] of Object.entries(cells)) {
    if (!id.startsWith('t3.r4:') || count === 0) continue;
    const column = id.slice('t3.r4:'.length);
    out[id] = 0;
    for (const row of ['t3.r3.1', 't3.r3.7']) {
      const key = `${row}:${column}`;
      if (key in out) out[key] = (out[key] ?? 0) + count;
    }
  }
  return out;
}

export const loadReportDemo: DemoLoader = async (ctx, agencies) => {
  const agencyId = agencies.zhongxing;
  if (!agencyId) return;
  await load2020(ctx, agencyId);
  await load2024And2025(ctx, agencyId);
  await enterTable3BeforeGongkai(ctx, agencyId);
};
