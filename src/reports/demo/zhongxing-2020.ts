/**
 * Demo figures: the 固镇县仲兴乡人民政府 2020 report (the seed, test/fixtures/audit/2020-zhongxing-township-annual-report.txt), as inputs from which Gongkai
 * computes the complete 2019-format report — including the rows of table 三 and the whole of section 四 that the
 * published report left out. Figures are copied from the seed text.
 */
import type { AgencyRef } from '../model/types.js';
import { casesTable3Source, memoryArticle20Source, memoryDisputeRegister } from '../memory-sources.js';
import type { Article20Entry, ReportSources } from '../ports.js';

export const ZHONGXING: AgencyRef = { id: 'demo-zhongxing', name: '固镇县仲兴乡人民政府', level: 'township' };

/** Section 一 narrative: 869 items published in 2020, of which 61 decisions, 55 execution and results, 295 key areas. */
export const ZHONGXING_2020_PROACTIVE = {
  items: 869,
  decisions: 61,
  executionAndResults: 55,
  keyAreas: 295,
} as const;

const SOURCE = '固镇县仲兴乡人民政府2020年政府信息公开工作年度报告（演示数据）';

export function zhongxing2020Article20(): Article20Entry[] {
  const e = (rowId: string, values: Record<string, number>): Article20Entry => ({
    rowId,
    values,
    source: SOURCE,
  });
  return [
    e('t2.r1.rule', { made: 0, published: 0, total: 0 }),
    e('t2.r1.normative', { made: 0, published: 0, total: 0 }),
    e('t2.r5.licensing', { previous: 1, change: 0, decisions: 0 }),
    e('t2.r5.otherServices', { previous: 473, change: 0, decisions: 412 }),
    e('t2.r6.penalty', { previous: 4, change: 0, decisions: 0 }),
    e('t2.r6.coercion', { previous: 6, change: 0, decisions: 0 }),
    e('t2.r8.fee', { previous: 0, change: 0 }),
    e('t2.r9.procurement', { items: 3, amount: 63.79 }),
  ];
}

/** Sources for the demo township's 2020 report: the Art. 20 entries, no applications, no disputes. */
export function zhongxing2020Sources(): ReportSources {
  return {
    article20: memoryArticle20Source([
      { agencyId: ZHONGXING.id, year: 2020, entries: zhongxing2020Article20() },
    ]),
    table3: casesTable3Source([]),
    disputes: memoryDisputeRegister([]),
  };
}
