import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCellValue, toWanYuan } from './values.js';

void test('blank, 0, /, —, 无 are told apart', () => {
  assert.deepEqual(parseCellValue(''), { kind: 'blank' });
  assert.deepEqual(parseCellValue('  '), { kind: 'blank' });
  assert.deepEqual(parseCellValue('0'), { kind: 'number', value: 0 });
  assert.deepEqual(parseCellValue('０'), { kind: 'number', value: 0 });
  assert.deepEqual(parseCellValue('/'), { kind: 'slash' });
  assert.deepEqual(parseCellValue('／'), { kind: 'slash' });
  assert.deepEqual(parseCellValue('—'), { kind: 'dash' });
  assert.deepEqual(parseCellValue('--'), { kind: 'dash' });
  assert.deepEqual(parseCellValue('无'), { kind: 'none' });
  // "一" is the numeral one in Chinese, not a dash.
  assert.equal(parseCellValue('一').kind, 'text');
});

void test('signed changes and amounts with units', () => {
  assert.deepEqual(parseCellValue('-8'), { kind: 'number', value: -8 });
  assert.deepEqual(parseCellValue('+5'), { kind: 'number', value: 5 });
  assert.deepEqual(parseCellValue('63.79 万元'), { kind: 'number', value: 63.79, unit: '万元' });
  assert.deepEqual(parseCellValue('251000元'), { kind: 'number', value: 251000, unit: '元' });
  assert.deepEqual(parseCellValue('1,234'), { kind: 'number', value: 1234 });
  assert.equal(toWanYuan(parseCellValue('251000元')), 25.1);
  assert.equal(toWanYuan(parseCellValue('63.79 万元')), 63.79);
  assert.equal(parseCellValue('予以公开').kind, 'text');
});
