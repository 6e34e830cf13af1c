/**
 * Whether two applications ask for similar information (条例 Art. 36 (六), 重复申请): the staff decide; this only
 * points at candidates. Pure. Text is normalised (NFKC, lower case, no spaces or punctuation, no words every
 * application uses), then compared by the Dice coefficient of character bigrams — Chinese has no spaces, so
 * words are not available, and bigrams are robust to small rewordings.
 */

/** Words that appear in nearly every application and say nothing about the information sought. */
const FILLER = ['申请公开', '申请', '关于', '政府信息', '信息', '相关', '有关', '公开', '的', '请求', '提供'];

export function normaliseInfoText(s: string): string {
  let t = s.normalize('NFKC').toLowerCase();
  t = t.replace(/[\s\p{P}\p{S}]+/gu, '');
  for (const w of FILLER) t = t.split(w).join('');
  return t;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of the bigram multisets of two normalised texts, 0..1. */
function infoSimilarity(a: string, b: string): number {
  const x = bigrams(normaliseInfoText(a));
  const y = bigrams(normaliseInfoText(b));
  let total = 0;
  let shared = 0;
  for (const n of x.values()) total += n;
  for (const [g, n] of y) {
    total += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

interface InfoSought {
  title: string;
  docNo: string;
  description: string;
}

/** At or above this, two applications are shown as possibly the same request. */
const SIMILAR_AT = 0.5;

/** The same 文号, or similar title-and-description text. */
export function similarInfo(a: InfoSought, b: InfoSought): { similar: boolean; score: number } {
  const doc = (s: string) => normaliseInfoText(s);
  if (a.docNo && b.docNo && doc(a.docNo) === doc(b.docNo)) return { similar: true, score: 1 };
  const score = infoSimilarity(`${a.title}${a.description}`, `${b.title}${b.description}`);
  return { similar: score >= SIMILAR_AT, score };
}
