/**
 * `content.copied` across a batch: a report whose narrative is nearly identical to another report's.
 *
 * The measure: the narrative is every running-text paragraph outside sections 二–四 (the tables) with at
 * least MIN_PARAGRAPH Chinese characters — so headings and table labels, which every report shares by
 * template, do not count. Of each paragraph only Chinese characters and letters are kept (digits and
 * punctuation dropped, so a report copied with this year's figures changed still matches), and its
 * character bigrams are collected into one set per report. Two reports are nearly identical when the
 * Jaccard index |A ∩ B| / |A ∪ B| of their sets is at least THRESHOLD. Reports with fewer than
 * MIN_BIGRAMS bigrams of narrative are not compared (too little text to judge).
 *
 * Pairs: two reports of different agencies (or of an unknown agency) are both flagged; two reports of the
 * same agency are flagged only when one is the previous year's (the later one is flagged); the same
 * agency and year twice (one report saved as HTML and as PDF) is not copying and is not flagged.
 */
import { lineText, type Line } from '../read/document.js';
import type { SectionFound } from '../understand/sections.js';
import { finding, type AuditFinding } from '../findings.js';

export const THRESHOLD = 0.8;
const MIN_PARAGRAPH = 20;
export const MIN_BIGRAMS = 100;

const KEEP = /[\u4e00-\u9fa5A-Za-z]/g;

/** Sections 二, 三 and 四 hold the tables: their lines are not narrative. */
function inTables(index: number, sections: SectionFound[]): boolean {
  let current: number | undefined;
  for (const s of sections) if (s.found && s.index !== undefined && s.index <= index) current = s.no;
  return current !== undefined && current >= 2 && current <= 4;
}

export function narrativeBigrams(lines: Line[], sections: SectionFound[]): Set<string> {
  const out = new Set<string>();
  lines.forEach((line, i) => {
    if (line.kind === 'row' || inTables(i, sections)) return;
    const kept = (lineText(line).match(KEEP) ?? []).join('');
    if ((kept.match(/[\u4e00-\u9fa5]/g) ?? []).length < MIN_PARAGRAPH) return;
    for (let k = 0; k + 1 < kept.length; k++) out.add(kept.slice(k, k + 2));
  });
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface BatchEntry {
  fileName: string;
  agency?: string;
  year?: number;
  narrative: Set<string>;
}

const describe = (e: BatchEntry) =>
  `《${e.fileName}》${e.agency || e.year ? `（${[e.agency, e.year ? `${e.year}年度` : ''].filter(Boolean).join('，')}）` : ''}`;

/** The `content.copied` findings of each entry (by index) from comparing every pair in the batch. */
export function copiedAcrossBatch(entries: BatchEntry[]): Map<number, AuditFinding[]> {
  const out = new Map<number, AuditFinding[]>();
  const add = (i: number, f: AuditFinding) => out.set(i, [...(out.get(i) ?? []), f]);
  for (let i = 0; i < entries.length; i++) {
    const a = entries[i]!;
    if (a.narrative.size < MIN_BIGRAMS) continue;
    for (let j = i + 1; j < entries.length; j++) {
      const b = entries[j]!;
      if (b.narrative.size < MIN_BIGRAMS) continue;
      // Jaccard can be no more than the ratio of the sizes: skip pairs that cannot reach the threshold.
      if (
        Math.min(a.narrative.size, b.narrative.size) / Math.max(a.narrative.size, b.narrative.size) <
        THRESHOLD
      )
        continue;
      const sameAgency = !!a.agency && a.agency === b.agency;
      if (sameAgency && (a.year === undefined || b.year === undefined || Math.abs(a.year - b.year) !== 1))
        continue;
      const score = jaccard(a.narrative, b.narrative);
      if (score < THRESHOLD) continue;
      const shown = score.toFixed(2);
      const measure = `字符二元组 Jaccard 相似度 ${shown}，阈值 ${THRESHOLD}`;
      if (sameAgency) {
        const [earlier, index] = a.year! < b.year! ? [a, j] : [b, i];
        add(
          index,
          finding(
            'content.copied',
            `正文与本机关上一年度（${earlier.year}年度）的年报${describe(earlier)}几乎相同（${measure}），疑似照搬上一年度的报告。`,
            { section: 1 },
            { actual: Number(shown), expected: `< ${THRESHOLD}` },
          ),
        );
        continue;
      }
      for (const [index, other] of [
        [i, b],
        [j, a],
      ] as const)
        add(
          index,
          finding(
            'content.copied',
            `正文与同批审查的${describe(other)}几乎相同（${measure}），疑似照抄其他机关的报告。`,
            { section: 1 },
            { actual: Number(shown), expected: `< ${THRESHOLD}` },
          ),
        );
    }
  }
  return out;
}
