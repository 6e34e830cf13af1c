/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organisation type (1),
 * administrative division (6), organisation code (9), check character (1). The check character is
 * computed over the first 17 with weights 3^i mod 31 in the 31-character alphabet below (no I, O, S, V, Z).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

type CreditCodeProblem = 'length' | 'characters' | 'check';

/** Returns undefined for a valid code, else what is wrong with it. Lower case is accepted as upper case. */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  const c = code.trim().toUpperCase();
  if (c.length !== 18) return 'length';
  if (![...c].every((ch) => ALPHABET.includes(ch))) return 'characters';
  return creditCodeCheckChar(c.slice(0, 17)) === c[17] ? undefined : 'check';
}

export const creditCodeMessage: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码含有无效字符（不使用 I、O、S、V、Z）',
  check: '统一社会信用代码校验位不正确，请核对',
};
