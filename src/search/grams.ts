/**
 * Overlapping character bigrams, the unit of the index. A text contains a term of n ≥ 2 characters exactly
 * when its bigram sequence contains the term's n − 1 bigrams at consecutive positions, so a phrase query over
 * bigrams has the recall of a substring scan — unlike word segmentation, which misses words it cut elsewhere.
 *
 * Each bigram is written as an ASCII token (two code points in base 36, 4 digits each), so any tokenizer
 * (FTS5 unicode61, PostgreSQL arrays) takes it whole, whatever the characters are (punctuation, 〔〕, digits).
 */
import { characters } from './normalise.js';

/** Separates the normalised fields of a document; normalised text never contains it. */
export const fieldSeparator = '\n';

function token(a: string, b: string): string {
  return a.codePointAt(0)!.toString(36).padStart(4, '0') + b.codePointAt(0)!.toString(36).padStart(4, '0');
}

/** Bigram tokens of one normalised text, in order (for positional indexes). */
export function bigrams(normalised: string): string[] {
  const out: string[] = [];
  for (const field of normalised.split(fieldSeparator)) {
    const cs = characters(field);
    for (let i = 0; i + 1 < cs.length; i++) out.push(token(cs[i]!, cs[i + 1]!));
  }
  return out;
}

/** Whether a term can be looked up in the bigram index (1-character terms cannot). */
export function indexable(term: string): boolean {
  return characters(term).length >= 2;
}

/**
 * A bigram as one signed 32-bit integer: the two characters' low 16 bits (PostgreSQL int4[] with GIN).
 * Exact for characters of the Basic Multilingual Plane; a character beyond it shares its code with a BMP
 * character, so terms containing one are verified by substring (`exactCodes`).
 */
export function gramCode(a: string, b: string): number {
  return ((a.codePointAt(0)! & 0xffff) << 16) | (b.codePointAt(0)! & 0xffff) | 0;
}

/** Distinct bigram codes of one normalised text. */
export function gramCodes(normalised: string): number[] {
  const out = new Set<number>();
  for (const field of normalised.split(fieldSeparator)) {
    const cs = characters(field);
    for (let i = 0; i + 1 < cs.length; i++) out.add(gramCode(cs[i]!, cs[i + 1]!));
  }
  return [...out];
}

/** Whether a term's bigram codes name its characters exactly (no character beyond the BMP). */
export function exactCodes(term: string): boolean {
  return characters(term).every((c) => c.codePointAt(0)! <= 0xffff);
}
