import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Agency } from '../../access/agency.js';
import { DomainError } from '../../platform/errors.js';
import { noticeText } from './notice-content.js';
import { MAX_SLOT_CHARS, parseTemplateTexts, slotsOf } from './notice-templates.js';

const agency = {
  name: '固镇县仲兴乡人民政府',
  shortName: '仲兴乡',
  docNoPrefixes: ['仲政'],
} as Agency;
const refused = {
  year: 2025,
  regNo: 7,
  applicantName: '张三',
  infoTitle: '某文件',
  receivedOn: '2025-03-03',
  dueDate: '2025-03-31',
  reply: { outcome: 'withheldStateSecret', text: '', fields: {} } as never,
  events: [],
  reviewBody: '固镇县人民政府',
};

const fieldErrors = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof DomainError);
    return (e as DomainError & { fields: Record<string, string> }).fields;
  }
  assert.fail('expected a validation error');
};

test('a customised reply keeps the basis, remedies and the reconsideration-first sentence', () => {
  const texts = parseTemplateTexts('reply', {
    opening:
      '{申请人}同志：您于{收到日期}申请的“{所需信息}”，经本机关（{机关名称}）审查，答复如下（{文号}）：',
    'decision.withheldStateSecret': '经审查，该信息属于国家秘密，本机关依法不予公开。',
    closing: '特此答复。',
    contact: '联系电话：0552-6012345',
  });
  const n = noticeText('reply', agency, refused, '2025-03-20', undefined, texts);
  const all = n.paragraphs.join('\n');
  assert.equal(
    n.paragraphs[0],
    '张三同志：您于2025年3月3日申请的“某文件”，经本机关（固镇县仲兴乡人民政府）审查，答复如下（仲政依申答〔2025〕7号）：',
  );
  assert.match(all, /经审查，该信息属于国家秘密，本机关依法不予公开。（依据：《政府信息公开条例》第十四条/);
  assert.match(all, /六十日内向固镇县人民政府申请行政复议/);
  assert.doesNotMatch(all, /六个月内向人民法院提起行政诉讼/, 'a refusal offers no direct lawsuit');
  assert.match(all, /第二十三条的规定，对不予公开政府信息的决定不服的，应当先向固镇县人民政府申请行政复议/);
  assert.deepEqual(n.paragraphs.slice(-2), ['特此答复。', '联系电话：0552-6012345']);
});

test('with no template the notice reads as the default wording', () => {
  const n = noticeText('receipt', agency, refused, '2025-03-03');
  assert.equal(
    n.paragraphs[0],
    '您于2025年3月3日向本机关提出的政府信息公开申请（所需信息：某文件），本机关已经收到，登记号为〔2025〕第7号。',
  );
  assert.match(n.paragraphs[1]!, /第三十三条.*2025年3月31日前/);
  assert.equal(n.paragraphs.length, 2);
});

test('unknown placeholders, unpaired braces, over-long and emptied required text are refused in Chinese', () => {
  assert.match(
    fieldErrors(() => parseTemplateTexts('reply', { closing: '请联系{经办人}' })).closing!,
    /无法识别的占位符：\{经办人\}/,
  );
  assert.match(
    fieldErrors(() => parseTemplateTexts('receipt', { contact: '电话{0552' })).contact!,
    /花括号不成对/,
  );
  assert.match(
    fieldErrors(() => parseTemplateTexts('receipt', { closing: '字'.repeat(MAX_SLOT_CHARS + 1) })).closing!,
    /不能超过500字/,
  );
  assert.match(
    fieldErrors(() => parseTemplateTexts('reply', { 'decision.disclosed': ' ' }))['decision.disclosed']!,
    /请填写/,
  );
  // A letter to a consulted third party must not name the applicant.
  assert.match(
    fieldErrors(() => parseTemplateTexts('consultation', { opening: '{申请人}申请公开{所需信息}' })).opening!,
    /无法识别的占位符：\{申请人\}/,
  );
});

test('only slots that differ from the default are kept; the statutory text is never a slot', () => {
  const defaults = Object.fromEntries(slotsOf('reply').map((s) => [s.id, s.default]));
  assert.deepEqual(parseTemplateTexts('reply', defaults), {});
  for (const s of slotsOf('reply')) assert.doesNotMatch(s.default, /六十日|六个月|第二十三条/);
});
