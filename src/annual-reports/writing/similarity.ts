/**
 * Copied text (内容雷同, named by 国办公开办函〔2021〕30号 as a ground for accountability under Art. 47).
 *
 * Measure: Jaccard similarity of the sets of character bigrams of the two texts, after removing whitespace,
 * punctuation and digits (so the same text with this year's numbers still counts as the same text).
 * |A ∩ B| / |A ∪ B|, from 0 (nothing shared) to 1 (same bigrams). Texts shorter than MIN_CHARS after
 * normalising are not compared: "无。" in two reports is not copying.
 */
import { partIds, partLabel, type Narrative } from '../narrative.js';
import { PLACEHOLDER } from './draft.js';
import type { WritingWarning } from './narrative-numbers.js';

const SIMILARITY_THRESHOLD = 0.8;
const MIN_CHARS = 20;

function normaliseForSimilarity(text: string): string {
  return text.replace(PLACEHOLDER, '').replace(/[\s\p{P}\p{S}\d]/gu, '');
}

export function bigrams(text: string): Set<string> {
  const chars = [...normaliseForSimilarity(text)];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Bigram Jaccard similarity; null when either text is too short to compare. */
export function similarity(a: string, b: string): number | null {
  if ([...normaliseForSimilarity(a)].length < MIN_CHARS || [...normaliseForSimilarity(b)].length < MIN_CHARS)
    return null;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}

interface ComparedReport {
  /** e.g. "本机关2024年年报", "固镇县湖沟镇人民政府2025年年报". */
  label: string;
  narrative: Narrative;
}

/** A warning per part that is ≥ 80% similar to the same part of a compared report. */
export function similarityWarnings(
  narrative: Narrative,
  others: readonly ComparedReport[],
): WritingWarning[] {
  const out: WritingWarning[] = [];
  for (const partId of partIds) {
    for (const o of others) {
      const s = similarity(narrative[partId], o.narrative[partId]);
      if (s !== null && s >= SIMILARITY_THRESHOLD) {
        out.push({
          code: 'similar_text',
          partId,
          actual: Math.round(s * 100),
          message: `${partLabel(partId)}与${o.label}的相同部分相似度为 ${Math.round(s * 100)}%（达到 ${SIMILARITY_THRESHOLD * 100}%），请避免内容雷同。`,
        });
      }
    }
  }
  return out;
}
