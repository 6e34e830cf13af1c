/**
 * Text normalisation for matching published reports against the format's labels. Two levels:
 * `toSimplified` + `foldWidth` keep the text readable (shown to users); `matchKey` is a lossy key used
 * only for comparing labels (no spaces, one kind of bracket, quote and punctuation).
 */
import { Converter } from 'opencc-js/t2cn';

let t2s: ((s: string) => string) | undefined;

// Characters common in 繁体 mirrors of annual reports that never occur in simplified text. Converting only
// when they are present keeps simplified reports byte-identical and the common path fast.
const TRADITIONAL_MARKERS =
  '國開資訊報務關請處與數們個為會機條計總體規類護屬錄號縣鄉鎮區辦結轉審複議訴訟齊據約門復覆產業檢雜項實際經費說樣變範戶當發廢際製';

const MARKER = new RegExp(`[${TRADITIONAL_MARKERS}]`, 'g');

/** How many characters of `text` are traditional-only markers, counting up to `limit` (cheap test). */
function traditionalScore(text: string, limit = Infinity): number {
  let n = 0;
  MARKER.lastIndex = 0;
  while (n < limit && MARKER.exec(text)) n++;
  return n;
}

/** Traditional → simplified (OpenCC "t" → "cn"), only when the text looks traditional. */
export function toSimplified(text: string): { text: string; converted: boolean } {
  if (traditionalScore(text, 3) < 3) return { text, converted: false };
  const convert = (t2s ??= Converter({ from: 't', to: 'cn' }));
  return { text: convert(text), converted: true };
}

/** Full-width ASCII letters/digits/space → half-width; leaves CJK punctuation alone. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0b\uff0d\uff0e\uff0f\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * A comparison key: width-folded, no whitespace, brackets as "()", every quote as '"', Chinese comma,
 * colon and semicolon as ASCII, dashes unified. "（一）予以公开" and "(一) 予以公开" give the same key.
 */
export function matchKey(text: string): string {
  return foldWidth(text)
    .replace(/\s+/g, '')
    .replace(/[（〔［【]/g, '(')
    .replace(/[）〕］】]/g, ')')
    .replace(/[“”„‟「」『』＂″]/g, '"')
    .replace(/[‘’']/g, '"')
    .replace(/[，、]/g, (c) => (c === '，' ? ',' : '、'))
    .replace(/：/g, ':')
    .replace(/；/g, ';')
    .replace(/[．。]/g, (c) => (c === '．' ? '.' : '。'))
    .replace(/[—–－―]/g, '-');
}
