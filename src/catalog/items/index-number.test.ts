import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../platform/errors.js';
import { checkIndexTemplate, defaultIndexTemplate, indexScope, renderIndexNumber } from './index-number.js';

const c = { creditCode: '11340323MB1234567X', day: '2026-03-05' };

test('the default template renders credit code / year - 5-digit serial', () => {
  assert.equal(renderIndexNumber(defaultIndexTemplate, c, 42), '11340323MB1234567X/2026-00042');
  assert.equal(indexScope(defaultIndexTemplate, c), '11340323MB1234567X/2026-#');
  assert.notEqual(
    indexScope(defaultIndexTemplate, { ...c, day: '2027-01-04' }),
    indexScope(defaultIndexTemplate, c),
  );
});

test('other observed patterns can be configured', () => {
  assert.equal(renderIndexNumber('{机构代码}/{YYYY}{MM}-{seq:5}', c, 13), 'MB1234567/202603-00013');
});

test('bad templates are refused with a Chinese message', () => {
  for (const t of ['{YYYY}-00001', '{YYYY}-{seq:5}-{seq:5}', '{部门}/{seq:5}', '{YYYY}-{seq:2}']) {
    assert.throws(
      () => checkIndexTemplate(t),
      (e) => e instanceof DomainError && /索引号规则有误/.test(e.fields.indexTemplate ?? ''),
      t,
    );
  }
  assert.equal(
    checkIndexTemplate(' {统一社会信用代码}/{YYYY}-{seq:6} '),
    '{统一社会信用代码}/{YYYY}-{seq:6}',
  );
});
