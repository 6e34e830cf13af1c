/**
 * 社会评议: the questionnaire. The four criteria are the seed report's own (its 一（五）监督保障 promises public
 * rating of disclosure on 真实准确, 及时, 程序合规, 制度落实); each is scored 1–5. Pure.
 */
import type { FieldErrors } from '../../platform/errors.js';

export const criteria = ['accuracy', 'timeliness', 'procedure', 'institution'] as const;
type Criterion = (typeof criteria)[number];

export const criterionLabel: Record<Criterion, string> = {
  accuracy: '公开信息真实准确',
  timeliness: '公开信息及时',
  procedure: '公开程序合规',
  institution: '公开制度落实',
};

export const scoreLabel: Record<number, string> = {
  5: '很满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '很不满意',
};

export const evaluatorKinds = ['deputy', 'cppcc', 'resident', 'business'] as const;
export type EvaluatorKind = (typeof evaluatorKinds)[number];
export const evaluatorKindLabel: Record<EvaluatorKind, string> = {
  deputy: '人大代表',
  cppcc: '政协委员',
  resident: '群众代表',
  business: '企业代表',
};

export type Scores = Record<Criterion, number>;

/** Reads the four scores; a missing or out-of-range score is a field error. */
export function parseScores(input: Record<string, unknown>, errors: FieldErrors): Scores | null {
  const out: Partial<Scores> = {};
  for (const c of criteria) {
    const raw = typeof input[c] === 'string' ? input[c] : '';
    const n = Number(raw);
    if (!/^[1-5]$/.test(raw)) errors[c] = `请为“${criterionLabel[c]}”评分`;
    else out[c] = n;
  }
  return Object.keys(out).length === criteria.length ? (out as Scores) : null;
}

/** The overall score of a set of averages: their plain mean, on the 1–5 scale. */
export const overall = (s: Scores): number => criteria.reduce((t, c) => t + s[c], 0) / criteria.length;
