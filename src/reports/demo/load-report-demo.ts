/**
 * Demo report inputs for 固镇县仲兴乡人民政府, through the real use cases: the 2020 figures of the seed report
 * (no applications, no disputes), and 2024–2025 figures with a reconsideration followed by a lawsuit.
 * Table 三 for 2024–2025 is entered from the demo cases until the requests capability loads them as cases.
 */
import { systemActor } from '../../agencies/permissions.js';
import type { DemoLoader } from '../../demo/load-demo.js';
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
 * Stand-in for the requests capability's demo cases: table 三 for 2024–2025 entered as figures tabulated
 * from demo-2025.ts's cases. Remove this step when `table3SourceFor` reads cases and the requests demo
 * loader creates them (the 2025 report's checks then come from the cases).
 */
async function enterTable3UntilRequestsExist(ctx: AppContext, agencyId: string) {
  const sources = demo2025Sources();
  for (const year of [2024, 2025]) {
    const figures = await sources.table3.table3(ZHONGXING, year, formatForYear(year));
    await saveEnteredTable3(ctx, actor, agencyId, year, {
      cells: countsOf(figures),
      source: '演示数据：依申请公开办理台账汇总（待申请办理模块上线后由案件自动生成）',
    });
  }
}

export const loadReportDemo: DemoLoader = async (ctx, agencies) => {
  const agencyId = agencies.zhongxing;
  if (!agencyId) return;
  await load2020(ctx, agencyId);
  await load2024And2025(ctx, agencyId);
  await enterTable3UntilRequestsExist(ctx, agencyId);
};
