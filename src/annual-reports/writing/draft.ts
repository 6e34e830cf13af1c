/**
 * A data-driven first draft of every narrative part. Every number in it is read from the computed tables
 * (`figuresOf`); facts the tables do not hold (assessment results, fees when no fee source exists) are left as
 * 【待填写：…】 markers, which the writing checks flag until staff replace them.
 */
import type { AnnualReport } from '../../reports/model/types.js';
import type { Narrative } from '../narrative.js';
import { figuresOf } from './figures.js';

export const PLACEHOLDER = /【待填写[^】]*】/g;

interface DraftFacts {
  /** Processing fees collected in the year (元, 109号), or null when no fee source is available. */
  feesCollectedYuan: number | null;
  /** Section 五（三）of the same agency's previous report, to follow up; null when there is none. */
  previousImprovements: string | null;
  /**
   * 一（五）: the year's assessment, public rating and accountability results as recorded in the platform
   * (src/supervision, Art. 50), as a paragraph; null when none is available.
   */
  oversight?: string | null;
}

export function draftNarrative(report: AnnualReport, facts: DraftFacts): Narrative {
  const f = figuresOf(report);
  const name = report.agency.name;
  const y = report.year;
  const normative =
    report.format === '2021'
      ? `本年制发行政规范性文件${f.normativeIssued}件、废止${f.normativeRepealed}件，现行有效${f.normativeInForce}件`
      : `本年新制作行政规范性文件${f.normativeIssued}件，对外公开总数量${f.normativeInForce}件`;
  const fees =
    facts.feesCollectedYuan === null
      ? '【待填写：本年度信息处理费收取情况】'
      : facts.feesCollectedYuan === 0
        ? '本年度未收取信息处理费。'
        : `本年度按照《政府信息公开信息处理费管理办法》收取信息处理费${facts.feesCollectedYuan}元。`;
  return {
    's1.proactive': `${y}年，${name}坚持以公开为常态、不公开为例外，通过政府信息公开平台主动公开政府信息。${normative}；作出行政许可处理决定${f.licensing}件、行政处罚决定${f.penalty}件、行政强制决定${f.coercion}件。`,
    's1.onRequest': `本年度共收到政府信息公开申请${f.received}件，上年结转${f.carriedOver}件；办结${f.concluded}件，其中予以公开${f.granted}件、部分公开${f.partlyGranted}件、不予公开${f.refused}件、无法提供${f.unableToProvide}件、不予处理${f.notProcessed}件、其他处理${f.otherHandling}件；结转下年度继续办理${f.carriedForward}件。因政府信息公开被申请行政复议${f.reviews}件，被提起行政诉讼${f.lawsuits}件。`,
    's1.management':
      '严格执行政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”；定期清理已公开的政府信息。【待填写：本年度政府信息管理的具体做法】',
    's1.platform':
      '依托县级政府信息公开平台开设本机关政府信息公开专栏，及时更新各栏目内容。【待填写：本年度平台建设情况】',
    's1.oversight':
      facts.oversight ??
      '【待填写：本年度政府信息公开工作考核、社会评议和责任追究结果情况（《条例》第五十条第（四）项）】',
    's5.followUp': facts.previousImprovements
      ? `上年度年报提出的改进措施：${facts.previousImprovements}【待填写：落实情况】`
      : '【待填写：上年度问题整改情况（系统中无上年度年报）】',
    's5.problems': '【待填写：本年度存在的主要问题】',
    's5.improvements': '【待填写：下一步改进措施】',
    's6.fees': fees,
    's6.other': `本报告中所列数据统计期限为${y}年1月1日至${y}年12月31日。`,
  };
}
