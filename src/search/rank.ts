/**
 * Relevance and snippets, computed on a bounded candidate set (pure). The score favours, in order: the query
 * being the item's 文号 or index number, every term in the title (shorter titles first), and how often the
 * terms occur in the text; ties go to the newer item.
 */
import { fieldSeparator } from './grams.js';
import type { SnippetPart } from './search-index.js';

export interface Candidate {
  seq: number;
  title_key: string;
  doc_no_key: string;
  index_no_key: string;
}

/** Uses only the short keys, so that ranking a few hundred candidates reads no body text. */
export function score(c: Candidate, terms: string[], wholeKey: string): number {
  let s = 0;
  if (wholeKey && (c.doc_no_key === wholeKey || c.index_no_key === wholeKey)) s += 1000;
  const inTitle = terms.filter((t) => c.title_key.includes(t));
  s += 20 * inTitle.length;
  if (inTitle.length === terms.length) {
    const covered = terms.reduce((n, t) => n + t.length, 0);
    s += 100 + 50 * Math.min(1, covered / Math.max(1, c.title_key.length));
  }
  if (terms.some((t) => c.doc_no_key.includes(t) || c.index_no_key.includes(t))) s += 10;
  return s;
}

export function rank<T extends Candidate>(candidates: T[], terms: string[], wholeKey: string): T[] {
  return candidates
    .map((c) => ({ c, s: score(c, terms, wholeKey) }))
    .sort((a, b) => b.s - a.s || b.c.seq - a.c.seq)
    .map((x) => x.c);
}

/**
 * A window of the text around the first hit, with every term marked. Searches the fields after the title
 * first (the title is shown on its own); falls back to the start of the summary or body.
 */
export function snippet(norm: string, terms: string[], width = 110): SnippetPart[] {
  const fields = norm.split(fieldSeparator);
  const text = fields.slice(3).join(' ');
  let first = -1;
  for (const t of terms) {
    const i = text.indexOf(t);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
  const window = displayPunctuation(text.slice(start, start + width));
  const parts = mark(window, terms);
  if (start > 0) parts.unshift({ text: '…', hit: false });
  if (start + width < text.length) parts.push({ text: '…', hit: false });
  return parts;
}

/**
 * Normalisation turned full-width punctuation half-width (NFKC); in Chinese text show it full-width again.
 * Same length, so marks stay in place.
 */
function displayPunctuation(text: string): string {
  const full: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
  return text.replace(/(?<=[\u3400-\u9fff])[,;:?!]/gu, (c) => full[c]!);
}

/** Splits text into marked and unmarked parts; overlapping hits merge. */
export function mark(text: string, terms: string[]): SnippetPart[] {
  const hit = new Uint8Array(text.length);
  for (const t of terms) {
    if (!t) continue;
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) hit.fill(1, i, i + t.length);
  }
  const parts: SnippetPart[] = [];
  for (let i = 0; i < text.length;) {
    let j = i;
    while (j < text.length && hit[j] === hit[i]) j++;
    parts.push({ text: text.slice(i, j), hit: hit[i] === 1 });
    i = j;
  }
  return parts;
}
