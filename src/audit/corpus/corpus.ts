/**
 * The synthetic corpus: correct reports and reports with one or two injected defects, in text and HTML and
 * in presentation variants, with the expected rule codes; and scoring of the auditor against it per rule
 * (document-level: a rule "fires" on a document when at least one finding has its code).
 */
import { auditDocument } from '../audit.js';
import type { RuleCode } from '../findings.js';
import { makeReport, pick, rng } from './generate.js';
import { DEFECTS, type Defect } from './mutate.js';
import { render, type RenderOptions } from './render.js';

interface CorpusDoc {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  expected: Set<RuleCode>;
  defects: string[];
}

const VARIANTS: readonly Partial<RenderOptions>[] = [
  {},
  {},
  { traditional: true },
  { halfWidthBrackets: true },
  { spaces: true },
  { breakLabels: true },
];

export function buildCorpus(size: number, seed = 1): CorpusDoc[] {
  const r = rng(seed);
  const docs: CorpusDoc[] = [];
  for (let i = 0; i < size; i++) {
    const kind = i % 2 === 0 ? 'text' : 'html';
    let rep = makeReport(seed * 100000 + i);
    // A fifth of the corpus is clean; the rest carries one defect, some a second (never two that mask each other).
    const defects: Defect[] = [];
    if (i % 5 !== 0) {
      const first = pick(
        r,
        DEFECTS.filter((d) => !d.when || d.when(rep)),
      );
      defects.push(first);
      if (r() < 0.3) {
        // Never two that mask each other: a cut-off copy, a dropped section 四 or row, or a blank 总计 column makes
        // identities uncheckable (by design: no arithmetic over unseen cells).
        const masks = (d: Defect) =>
          d.name === 'cut off part-way' ||
          d.name.includes('section 四') ||
          d.name.includes('blank the 总计') ||
          d.name.includes('delete a row');
        const candidates = DEFECTS.filter(
          (d) => d !== first && !d.when && !masks(d) && !d.codes.some((c) => first.codes.includes(c)),
        );
        if (!masks(first) && candidates.length > 0) defects.push(pick(r, candidates));
      }
    }
    if (defects.some((d) => d.codes.includes('format.outdated')))
      rep = makeReport(seed * 100000 + i, { year: rep.year, format: '2019' });
    let options: RenderOptions = { kind, ...pick(r, VARIANTS) };
    for (const d of defects) {
      const extra = d.apply(rep, r) ?? {};
      options = {
        ...options,
        ...extra,
        ...(options.extra && extra.extra ? { extra: [...options.extra, ...extra.extra] } : {}),
      };
    }
    const text = render(rep, options);
    docs.push({
      name: `${i}-${kind}-${defects.map((d) => d.name).join('+') || 'clean'}`,
      fileName: kind === 'html' ? `r${i}.html` : `r${i}.txt`,
      bytes: new TextEncoder().encode(text),
      expected: new Set(defects.flatMap((d) => d.codes)),
      defects: defects.map((d) => d.name),
    });
  }
  return docs;
}

interface RuleScore {
  code: RuleCode;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export async function scoreCorpus(docs: CorpusDoc[]): Promise<{ scores: RuleScore[]; misses: string[] }> {
  const counts = new Map<RuleCode, { tp: number; fp: number; fn: number }>();
  const misses: string[] = [];
  const get = (c: RuleCode) => counts.get(c) ?? (counts.set(c, { tp: 0, fp: 0, fn: 0 }), counts.get(c)!);
  for (const doc of docs) {
    const result = await auditDocument(doc.bytes, doc.fileName);
    const found = new Set(result.findings.map((f) => f.ruleId));
    for (const c of new Set([...found, ...doc.expected])) {
      const s = get(c);
      if (found.has(c) && doc.expected.has(c)) s.tp++;
      else if (found.has(c)) {
        s.fp++;
        misses.push(`FP ${c} in ${doc.name}: ${result.findings.find((f) => f.ruleId === c)?.message ?? ''}`);
      } else {
        s.fn++;
        misses.push(`FN ${c} in ${doc.name}`);
      }
    }
  }
  const scores = [...counts.entries()]
    .map(([code, s]) => ({
      code,
      ...s,
      precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
      recall: s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return { scores, misses };
}

export function formatScores(scores: RuleScore[]): string {
  const lines = ['| rule | TP | FP | FN | precision | recall |', '| --- | --- | --- | --- | --- | --- |'];
  for (const s of scores)
    lines.push(
      `| ${s.code} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`,
    );
  return lines.join('\n');
}
