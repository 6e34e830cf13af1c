/**
 * Demo data through the real use cases: the demo township's 2020 report (the seed's figures, complete and
 * corrected) written from the draft, submitted, accepted by 县政务公开办 and published; its 2025 report started
 * as a draft for the walkthrough.
 */
import { systemActor } from '../platform/actor.js';
import type { DemoLoader } from '../agencies/demo-loader.js';
import { acceptReport } from './accept-report.js';
import { annualReportsStore } from './annual-reports.store.js';
import { publishReport } from './publish-report.js';
import { saveNarrative } from './save-narrative.js';
import { startReport } from './start-report.js';
import { submitReport } from './submit-report.js';

/** Section 一 (五), 五 and 六 of the 2020 report in the seed's substance, without its copied 自治区 platform line. */
const ZHONGXING_2020_TEXT = {
  's1.management':
    '严格执行政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，明确专人负责政府信息的主动公开和依申请公开工作。',
  's1.platform':
    '以固镇县政府信息公开平台为政府信息公开的主要渠道，加强仲兴乡网站集约化工作台的管理工作，同时通过宣传资料、液晶显示屏等载体扩大受众面。',
  's1.oversight':
    '坚持主要工作领导抓，日常工作办公室牵头，各部门相互配合。本年度政府信息公开工作纳入乡对各站所的年度考核；未收到社会评议中的差评，未发生责任追究情形。',
  's5.followUp': '本报告为本机关在本平台的首份年报，无上年度整改事项。',
  's5.problems': '政府信息公开内容不够丰富，公开的及时性有待提高。',
  's5.improvements': '加强业务培训，完善主动公开目录，提高信息更新的及时性。',
  's6.fees': '本年度未收取信息处理费。',
};

export const loadDemoReports: DemoLoader = async (ctx, ids) => {
  const township = ids.zhongxing!;
  const staff = systemActor('演示数据（仲兴乡）');
  const supervisor = systemActor('演示数据（县政务公开办）');
  await startReport(ctx, staff, { agencyId: township, year: 2020 });
  const r = (await annualReportsStore.byAgencyYear(ctx.db, township, 2020))!;
  await saveNarrative(ctx, staff, {
    agencyId: township,
    year: 2020,
    narrative: { ...r.narrative, ...ZHONGXING_2020_TEXT },
  });
  await submitReport(ctx, staff, { agencyId: township, year: 2020 });
  await acceptReport(ctx, supervisor, { agencyId: township, year: 2020 });
  await publishReport(ctx, staff, { agencyId: township, year: 2020 });
  await startReport(ctx, staff, { agencyId: township, year: 2025 });
};
