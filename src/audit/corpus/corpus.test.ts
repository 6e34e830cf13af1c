import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCorpus, formatScores, scoreCorpus } from './corpus.js';
import { RULES, type RuleCode } from '../findings.js';

// Per-rule precision and recall over generated reports with known injected defects (text and HTML, 繁体,
// half-width brackets, labels broken across lines, space-separated cells). `node --import tsx
// scripts/audit-corpus.ts` prints the full table for a larger corpus.
void test('synthetic corpus: every injected defect kind is found, with precision and recall ≥ 0.95 per rule', async () => {
  const docs = buildCorpus(160, 7);
  const { scores, misses } = await scoreCorpus(docs);
  const byCode = new Map(scores.map((s) => [s.code, s]));
  const injected: RuleCode[] = [
    'table.row_missing', 'identity.carryover', 'identity.row_total', 'identity.result_total', 'identity.review_total',
    'cell.blank', 'cell.invalid', 'section.missing', 'format.outdated', 'content.template_text', 'content.copied',
    'content.implausible', 'narrative.mismatch', 'content.missing_required', 'document.truncated',
  ]; // prettier-ignore
  for (const code of injected) {
    const s = byCode.get(code);
    assert.ok(s && s.tp > 0, `${code} was never injected or never found`);
    assert.ok(s.recall >= 0.95, `${code} recall ${s.recall}\n${formatScores(scores)}\n${misses.join('\n')}`);
    assert.ok(
      s.precision >= 0.95,
      `${code} precision ${s.precision}\n${formatScores(scores)}\n${misses.join('\n')}`,
    );
  }
  // Clean reports (a fifth of the corpus): any finding on them counts as a false positive above.
  const clean = docs.filter((d) => d.expected.size === 0);
  assert.ok(clean.length >= 30);
  for (const s of scores) assert.ok(s.code in RULES);
});
