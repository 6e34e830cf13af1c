import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldWidth, matchKey, toSimplified } from './normalise.js';

void test('brackets, quotes, widths and spaces give one key', () => {
  assert.equal(matchKey('（一）予以公开'), matchKey('(一) 予以公开'));
  assert.equal(matchKey('3.危及“三安全一稳定”'), matchKey('3. 危及"三安全一稳定"'));
  assert.equal(matchKey('第二十条第（一）项'), matchKey('第二十条第(一)项'));
  assert.equal(foldWidth('２０２０年'), '2020年');
});

void test('traditional text is converted, simplified text is left alone', () => {
  const t = toSimplified('政府資訊公開工作年度報告 屬於國家秘密');
  assert.equal(t.converted, true);
  assert.equal(t.text, '政府资讯公开工作年度报告 属于国家秘密');
  const s = toSimplified('政府信息公开工作年度报告 乾隆');
  assert.equal(s.converted, false);
  assert.equal(s.text, '政府信息公开工作年度报告 乾隆');
});
