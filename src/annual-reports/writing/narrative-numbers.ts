/**
 * Numbers typed into the narrative, checked against the tables (statutory.md §2.5 item 10: "收到申请N件" in
 * 一、总体情况 should match table 三). Each pattern ties a phrase to one figure; Arabic numerals only (a number
 * written in Chinese characters is not checked).
 */
import type { AnnualReport } from '../../reports/model/types.js';
import { partIds, partLabel, type Narrative, type NarrativePartId } from '../narrative.js';
import { figuresOf, type ReportFigures } from './figures.js';

export interface WritingWarning {
  code: 'number_mismatch' | 'similar_text' | 'foreign_region' | 'placeholder';
  partId: NarrativePartId;
  message: string;
  expected?: number | string;
  actual?: number | string;
}

const GAP = '[^，。；;,\\d]{0,12}?';
const N = '(\\d+)\\s*件';

const PATTERNS: { re: RegExp; figure: keyof ReportFigures; what: string }[] = [
  { re: new RegExp(`(?:收到|新收)${GAP}申请${GAP}${N}`, 'g'), figure: 'received', what: '本年新收申请数' },
  { re: new RegExp(`上年结转${GAP}${N}`, 'g'), figure: 'carriedOver', what: '上年结转申请数' },
  { re: new RegExp(`办结${GAP}${N}`, 'g'), figure: 'concluded', what: '办理结果总计' },
  { re: new RegExp(`(?<!不)予以公开${N}`, 'g'), figure: 'granted', what: '予以公开数' },
  { re: new RegExp(`部分公开${N}`, 'g'), figure: 'partlyGranted', what: '部分公开数' },
  { re: new RegExp(`不予公开${N}`, 'g'), figure: 'refused', what: '不予公开数' },
  { re: new RegExp(`结转下年度${GAP}${N}`, 'g'), figure: 'carriedForward', what: '结转下年度数' },
  { re: new RegExp(`行政复议${GAP}${N}`, 'g'), figure: 'reviews', what: '行政复议总计' },
  { re: new RegExp(`行政诉讼${GAP}${N}`, 'g'), figure: 'lawsuits', what: '行政诉讼总计' },
];

export function checkNarrativeNumbers(report: AnnualReport, narrative: Narrative): WritingWarning[] {
  const figures = figuresOf(report);
  const out: WritingWarning[] = [];
  for (const partId of partIds) {
    const text = narrative[partId].replace(/\s+/g, '');
    for (const p of PATTERNS) {
      for (const m of text.matchAll(p.re)) {
        const typed = Number(m[1]);
        const expected = figures[p.figure];
        if (typed !== expected)
          out.push({
            code: 'number_mismatch',
            partId,
            expected,
            actual: typed,
            message: `${partLabel(partId)}写“${m[0]}”，但表格中${p.what}为 ${expected} 件。`,
          });
      }
    }
  }
  return out;
}
