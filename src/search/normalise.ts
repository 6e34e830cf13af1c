/**
 * The one normalisation applied to indexed text and to queries alike, so that what a reader types and what
 * an agency wrote meet in the same form: NFKC (full-width letters, digits and punctuation become half-width),
 * traditional → simplified characters (OpenCC), every bracket people type around a 文号 year becomes 〔〕,
 * letters are lower-cased and whitespace is removed (Chinese has no spaces, and 文号 are typed with stray ones).
 * Pure: no I/O.
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

// After NFKC, full-width （［｛ are already half-width; these are the remaining opening and closing forms.
const openers = /[([{【〔〖〘［（｛⦅｟〈《]/gu;
const closers = /[)\]}】〕〗〙］）｝⦆｠〉》]/gu;
const whitespace = /\s+/gu;

/** Normalises one field or one query term. */
export function normalise(text: string): string {
  if (!text) return '';
  let s = text.normalize('NFKC');
  // OpenCC is the expensive step: skip it for text without any CJK ideograph.
  if (/[\u3400-\u9fff\uf900-\ufaff]/u.test(s)) s = toSimplified(s);
  return s.replace(openers, '〔').replace(closers, '〕').toLowerCase().replace(whitespace, '');
}

/**
 * A query is a list of terms: whitespace separates terms, and a document must contain every term. Splitting
 * never loses recall against the whitespace-free query: a text containing "仲政〔2025〕3号" contains each of
 * "仲政", "〔2025〕" and "3号".
 */
export function queryTerms(query: string): string[] {
  const terms = query
    .normalize('NFKC')
    .split(whitespace)
    .map(normalise)
    .filter((t) => t.length > 0);
  // A term contained in another adds nothing; drop duplicates and contained terms.
  return [...new Set(terms)].filter((t, _i, all) => !all.some((o) => o !== t && o.includes(t)));
}

/** Code points, so that characters outside the BMP count as one character. */
export function characters(text: string): string[] {
  return Array.from(text);
}

/** The key used for exact lookup of a 文号 or an index number: the whole normalised string. */
export function lookupKey(text: string): string {
  return normalise(text);
}
