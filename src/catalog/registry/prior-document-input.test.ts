/** Checking an entered earlier normative document (存量文件): every bad field gets its Chinese message. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../platform/errors.js';
import { parsePriorDocument, parseRepealDay } from './prior-document-input.js';

const today = '2026-03-02';
const good = {
  title: '仲兴乡农村集体资产管理办法',
  docNo: '仲政〔2023〕4号',
  publishedOn: '2023-02-01',
};

const fieldsOf = (f: () => unknown): Record<string, string> => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation.failed') return e.fields;
    throw e;
  }
  assert.fail('expected a validation error');
};

test('a well-formed entry keeps its dates; optional fields are empty or null', () => {
  assert.deepEqual(parsePriorDocument({ ...good, title: '  仲兴乡农村集体资产管理办法 ' }, today), {
    title: '仲兴乡农村集体资产管理办法',
    docNo: '仲政〔2023〕4号',
    registrationNo: '',
    publishedOn: '2023-02-01',
    effectiveOn: null,
    expiresOn: null,
    repealedOn: null,
    sourceUrl: '',
  });
  // Published and repealed today is allowed: today is not in the future.
  assert.equal(
    parsePriorDocument({ ...good, publishedOn: today, repealedOn: today }, today).repealedOn,
    today,
  );
});

const bad: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['no title', { title: ' ' }, 'title', /请填写文件名称/],
  ['no 文号', { docNo: '' }, 'docNo', /请填写文号/],
  ['square brackets in 文号', { docNo: '仲政[2023]4号' }, 'docNo', /六角括号/],
  ['no publication date', { publishedOn: '' }, 'publishedOn', /请填写发布日期/],
  ['a date that does not exist', { publishedOn: '2023-02-30' }, 'publishedOn', /有效日期/],
  ['published in the future', { publishedOn: '2026-03-03' }, 'publishedOn', /不能晚于今天/],
  [
    'expiry before it took effect',
    { effectiveOn: '2023-03-01', expiresOn: '2023-02-28' },
    'expiresOn',
    /不能早于/,
  ],
  ['expiry before publication', { expiresOn: '2023-01-31' }, 'expiresOn', /不能早于/],
  ['repealed before publication', { repealedOn: '2022-12-31' }, 'repealedOn', /不能早于发布日期/],
  ['repealed in the future', { repealedOn: '2026-03-03' }, 'repealedOn', /不能晚于今天/],
  ['a link that is not a web address', { sourceUrl: 'javascript:alert(1)' }, 'sourceUrl', /http/],
  ['a title too long', { title: '办'.repeat(201) }, 'title', /200/],
];

for (const [name, change, field, message] of bad)
  test(`refused: ${name}`, () => {
    assert.match(fieldsOf(() => parsePriorDocument({ ...good, ...change }, today))[field] ?? '', message);
  });

test('every problem of one form is reported at once', () => {
  const fields = fieldsOf(() => parsePriorDocument({ title: '', docNo: '', publishedOn: 'x' }, today));
  assert.deepEqual(Object.keys(fields).sort(), ['docNo', 'publishedOn', 'title']);
});

test('a repeal date is a real day between publication and today', () => {
  assert.equal(parseRepealDay(' 2026-03-01 ', '2023-02-01', today), '2026-03-01');
  assert.match(fieldsOf(() => parseRepealDay('', '2023-02-01', today)).repealedOn!, /有效日期/);
  assert.match(fieldsOf(() => parseRepealDay('2023-01-31', '2023-02-01', today)).repealedOn!, /早于发布日期/);
  assert.match(fieldsOf(() => parseRepealDay('2026-03-03', '2023-02-01', today)).repealedOn!, /晚于今天/);
});
