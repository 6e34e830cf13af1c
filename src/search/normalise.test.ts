import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalise, queryTerms } from './normalise.js';

test('文号 typed with any bracket, full-width digits, spaces or 號 normalise to one form', () => {
  const forms = [
    '仲政〔2025〕3号',
    '仲政[2025]3号',
    '仲政(2025)3号',
    '仲政【2025】3号',
    '仲政（2025）3号',
    '仲政［２０２５］３号',
    '仲政〔２０２５〕３號',
    '仲政 〔2025〕 3 号',
    '仲政〖2025〗3号',
  ];
  for (const f of forms) assert.equal(normalise(f), '仲政〔2025〕3号', f);
});

test('traditional characters become simplified; letters fold; whitespace goes', () => {
  assert.equal(normalise('關於優化營商環境的通知'), '关于优化营商环境的通知');
  assert.equal(normalise('ＰＤＦ　附件 Excel'), 'pdf附件excel');
  assert.equal(normalise('皖政办秘〔2024〕12號'), '皖政办秘〔2024〕12号');
  assert.equal(normalise(''), '');
});

test('a query splits into terms at whitespace; contained and repeated terms drop', () => {
  assert.deepEqual(queryTerms('食品 安全'), ['食品', '安全']);
  assert.deepEqual(queryTerms('食品安全　食品'), ['食品安全']);
  assert.deepEqual(queryTerms('  '), []);
  assert.deepEqual(queryTerms('仲政［2025］ 3號'), ['仲政〔2025〕', '3号']);
});
