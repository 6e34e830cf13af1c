import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { creditCodeCheckChar, creditCodeProblem } from './credit-code.js';

// Published codes of real bodies (from their public registration records).
const real = [
  '91350100M000100Y43', // the GB 32100-2015 standard's own worked example
  '11100000000013127D', // 国务院办公厅
  '91110000802100433B', // 中国石油天然气股份有限公司
];

test('real unified social credit codes pass', () => {
  for (const code of real) assert.equal(creditCodeProblem(code), undefined, code);
});

test('a wrong check character, length or alphabet is reported', () => {
  assert.equal(creditCodeProblem('91350100M000100Y44'), 'check');
  assert.equal(creditCodeProblem('91350100M000100Y4'), 'length');
  assert.equal(creditCodeProblem('91350100M000100YI3'), 'characters');
});

test('changing any single character of a valid code is detected', () => {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (pos, shift) => {
      const code = real[0]!;
      const ch = alphabet[(alphabet.indexOf(code[pos]!) + shift) % 31]!;
      const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
      return creditCodeProblem(changed) === 'check';
    }),
  );
});

test('check character is computed for 17 characters only', () => {
  assert.equal(creditCodeCheckChar('123'), undefined);
});
