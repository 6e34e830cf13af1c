/**
 * Precision and recall of the annual-report auditor per rule code over the synthetic corpus (correct reports
 * with labelled injected defects, text and HTML). Usage: `node --import tsx scripts/audit-corpus.ts [SIZE] [SEED]`.
 */
import { buildCorpus, formatScores, scoreCorpus } from '../src/audit/corpus/corpus.js';

const size = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const docs = buildCorpus(size, seed);
const { scores, misses } = await scoreCorpus(docs);
const clean = docs.filter((d) => d.expected.size === 0).length;
console.log(
  `Synthetic corpus: ${size} reports (${clean} correct, ${size - clean} with 1–2 injected defects), seed ${seed}\n`,
);
console.log(formatScores(scores));
if (misses.length > 0) console.log(`\n${misses.length} misses:\n${misses.join('\n')}`);
