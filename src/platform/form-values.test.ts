import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formText, formTextOrNumber, formTextSchema } from './form-values.js';

test('formText trims strings and reads anything else as empty; formTextOrNumber also reads numbers', () => {
  assert.equal(formText('  标题 '), '标题');
  for (const v of [undefined, null, 3, ['a'], { a: 1 }]) assert.equal(formText(v), '');
  assert.equal(formTextOrNumber(' 4 '), '4');
  assert.equal(formTextOrNumber(4.5), '4.5');
  assert.equal(formTextOrNumber(undefined), '');
  assert.equal(formTextSchema.parse(' x '), 'x');
});
