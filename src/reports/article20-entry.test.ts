import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article20EntryProblems } from './article20-entry.js';

void test('a good table 二 entry has no problems', () => {
  assert.deepEqual(
    article20EntryProblems('2021', {
      rowId: 't2.r8.fee',
      values: { amount: 12.35 },
      source: '县财政局非税收入系统',
    }),
    [],
  );
  assert.deepEqual(
    article20EntryProblems('2019', {
      rowId: 't2.r5.licensing',
      values: { previous: 9, change: -2, decisions: 4 },
      source: '审批系统',
    }),
    [],
  );
});

void test('bad table 二 entries are refused with Chinese reasons', () => {
  assert.match(
    article20EntryProblems('2021', { rowId: 't2.r9.procurement', values: {}, source: 'x' })[0]!,
    /没有此行/,
  );
  assert.match(article20EntryProblems('2021', { rowId: 't2.r1', values: {}, source: 'x' })[0]!, /没有此行/);
  assert.deepEqual(
    article20EntryProblems('2021', {
      rowId: 't2.r1.normative',
      values: { issued: -1, repealed: 1.5, inForce: Number.NaN, made: 2 },
      source: ' ',
    }),
    [
      '“行政规范性文件”：请注明数据来源。',
      '“行政规范性文件”的“本年制发件数”不能为负数。',
      '“行政规范性文件”的“本年废止件数”应为整数。',
      '“行政规范性文件”的“现行有效件数”应为数字。',
      '“行政规范性文件”没有“made”这一列。',
    ],
  );
});
