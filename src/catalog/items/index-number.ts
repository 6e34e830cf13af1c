/**
 * 索引号 (spec §6.2): there is no national format, so each agency has a template. Default
 * `{统一社会信用代码}/{YYYY}-{seq:5}`. The sequence is counted per "scope" — the template rendered without
 * the sequence — so a yearly template restarts each year while a number once issued is never issued again.
 */
import { validationFailed } from '../../platform/errors.js';

export const defaultIndexTemplate = '{统一社会信用代码}/{YYYY}-{seq:5}';

interface IndexContext {
  creditCode: string;
  /** The publication day, YYYY-MM-DD. */
  day: string;
}

const tokens: Record<string, (c: IndexContext) => string> = {
  统一社会信用代码: (c) => c.creditCode,
  // The 9-character organisation code inside the credit code (GB 32100: characters 9–17).
  机构代码: (c) => c.creditCode.slice(8, 17),
  YYYY: (c) => c.day.slice(0, 4),
  MM: (c) => c.day.slice(5, 7),
};

const tokenPattern = /\{([^{}]+)\}/g;

/** Checks a template: known tokens only, exactly one `{seq:N}` with 3 ≤ N ≤ 9. */
export function checkIndexTemplate(template: string): string {
  const t = template.trim();
  const seqs = [...t.matchAll(tokenPattern)].filter((m) => m[1]!.startsWith('seq'));
  const problems: string[] = [];
  if (seqs.length !== 1 || !/^seq:[3-9]$/.test(seqs[0]![1]!))
    problems.push('须含且仅含一个流水号 {seq:N}（N 为 3–9）');
  for (const m of t.matchAll(tokenPattern)) {
    if (!m[1]!.startsWith('seq') && !(m[1]! in tokens)) problems.push(`未知的占位符 {${m[1]}}`);
  }
  if (t.length > 80) problems.push('模板过长');
  if (problems.length) throw validationFailed({ indexTemplate: `索引号规则有误：${problems.join('；')}` });
  return t;
}

/** The counter scope: the template rendered with everything but the sequence. */
export function indexScope(template: string, c: IndexContext): string {
  return template.replace(tokenPattern, (_, name: string) =>
    name.startsWith('seq') ? '#' : tokens[name]!(c),
  );
}

export function renderIndexNumber(template: string, c: IndexContext, seq: number): string {
  return template.replace(tokenPattern, (_, name: string) => {
    if (name.startsWith('seq')) return String(seq).padStart(Number(name.slice(4)), '0');
    return tokens[name]!(c);
  });
}
