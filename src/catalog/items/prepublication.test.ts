import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  findPersonalData,
  isCitizenIdNumber,
  prepublicationChecks,
  type CheckInput,
} from './prepublication.js';
import { bodyText, sanitizeBody } from './sanitize.js';

// A well-formed ID number (check character computed by hand with the GB 11643 weights: sum 189, 189 mod 11 = 2 → X).
const ID = '11010519491231002X';

test('citizen ID numbers are recognised by their check character', () => {
  assert.equal(isCitizenIdNumber(ID), true);
  assert.equal(isCitizenIdNumber('110105194912310021'), false);
  assert.equal(isCitizenIdNumber('11010519491231002'), false);
});

test('personal data found in text is reported masked', () => {
  const hits = findPersonalData(`低保对象：张三 ${ID}，联系电话 13812345678；银行卡 6222021234567890128`);
  const kinds = hits.map((h) => h.kind).sort();
  assert.deepEqual(kinds, ['身份证号', '手机号码', '银行卡号'].sort());
  assert.ok(hits.every((h) => !h.masked.includes('12345678') && !h.masked.includes('19491231')));
  assert.deepEqual(findPersonalData('文号 仲政〔2026〕12号，共 13 户 2,000 元，邮编 233700'), []);
});

const base: CheckInput = {
  title: '关于公布2026年第一季度低保名单的公示',
  summary: '公布低保名单',
  issuer: '固镇县仲兴乡人民政府',
  writtenOn: '2026-03-01',
  bodyText: '名单如下',
  attachments: [],
  normative: false,
  interpretationCount: 0,
  interpretationExemption: '',
};

test('an ID number in an attachment is a warning the reviewer must confirm, not a block', () => {
  const f = prepublicationChecks({ ...base, attachments: [{ fileName: '名单.txt', text: `李四 ${ID}` }] });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.code, 'personal_data');
  assert.equal(f[0]!.blocking, false);
  assert.match(f[0]!.message, /附件“名单.txt”/);
  assert.doesNotMatch(f[0]!.message, /19491231/);
});

test('blank required metadata and a normative document without interpretation block publication', () => {
  const f = prepublicationChecks({ ...base, summary: ' ', writtenOn: null, normative: true });
  assert.deepEqual(
    f.map((x) => [x.code, x.blocking]),
    [
      ['missing_metadata', true],
      ['interpretation_missing', true],
    ],
  );
  assert.match(f[0]!.message, /内容概述、成文日期/);
  assert.deepEqual(prepublicationChecks({ ...base, normative: true, interpretationCount: 1 }), []);
  assert.deepEqual(
    prepublicationChecks({ ...base, normative: true, interpretationExemption: '涉及内部管理，不需解读' }),
    [],
  );
});

test('hostile rich text is sanitised on input', () => {
  const hostile = [
    '<p onclick="alert(1)">正文<script>alert(1)</script></p>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">链接</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<style>body{display:none}</style>',
    '<svg><script>alert(1)</script></svg>',
    '<a href="https://www.gov.cn/" onmouseover="x()">国务院</a>',
  ].join('');
  const clean = sanitizeBody(hostile);
  for (const bad of [
    '<script',
    'onclick',
    'onerror',
    'javascript:',
    '<iframe',
    '<style',
    '<svg',
    'onmouseover',
    '<img',
  ])
    assert.ok(!clean.toLowerCase().includes(bad), `${bad} survived: ${clean}`);
  assert.match(clean, /<p>正文<\/p>/);
  assert.match(clean, /<a href="https:\/\/www.gov.cn\/">国务院<\/a>/);
  assert.equal(bodyText('<p>甲&amp;乙</p><p>丙</p>'), '甲&乙丙');
});

test("words from the agency's sensitive-word list are a warning to confirm", () => {
  const f = prepublicationChecks({
    ...base,
    bodyText: '内部资料，严禁外传',
    attachments: [{ fileName: 'a.txt', text: '绝密' }],
    sensitiveWords: ['内部资料', '绝密', '机密'],
  });
  assert.deepEqual(
    f.map((x) => [x.code, x.blocking]),
    [['sensitive_words', false]],
  );
  assert.match(f[0]!.message, /内部资料、绝密/);
  assert.doesNotMatch(f[0]!.message, /机密/);
});
