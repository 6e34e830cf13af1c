import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAgencyNames, checkLeaderNames, distance } from './name-check.js';
import { prepublicationChecks } from '../items/prepublication.js';

const register = {
  leaders: [
    { post: '乡长', name: '李四' },
    { post: '副乡长', name: '王五' },
    { post: '党委书记', name: '欧阳明' },
  ],
  agencies: ['固镇县仲兴乡人民政府', '仲兴乡农业综合服务站'],
};

test('a leader post followed by another name than the register is flagged', () => {
  const cases: Array<[string, string[]]> = [
    ['会议由乡长张三主持。', ['乡长张三']],
    ['会议由乡长李四主持，副乡长王五汇报。', []],
    ['副乡长张三汇报工作。', ['副乡长张三']], // read under 副乡长 (王五), not under 乡长
    ['乡长办公会研究决定。', []], // 办 is not a surname: no name follows
    ['乡长和副乡长分别讲话。', []],
    ['党委书记欧阳明、乡长李四出席。', []],
    ['党委书记陈刚出席。', ['党委书记陈刚']],
  ];
  for (const [text, expected] of cases)
    assert.deepEqual(
      checkLeaderNames(text, register).map((f) => f.found),
      expected,
      text,
    );
  assert.deepEqual(
    checkLeaderNames('副乡长张三汇报工作。', register).map((f) => f.found),
    ['副乡长张三'],
  );
  assert.equal(checkLeaderNames('乡长张三', register)[0]!.expected, '乡长 李四');
});

test('agency names one character off a registered name are flagged, exact and unrelated names are not', () => {
  const cases: Array<[string, string[]]> = [
    ['固镇县仲兴乡人民政府关于印发的通知', []],
    ['固镇县仲兴镇人民政府关于印发的通知', ['固镇县仲兴镇人民政府']],
    ['经固镇县人民政府同意', []],
    ['仲兴乡农业综合服务所', []], // different last two characters: not compared
    ['仲兴乡农业综和服务站负责', ['仲兴乡农业综和服务站']],
  ];
  for (const [text, expected] of cases)
    assert.deepEqual(
      checkAgencyNames(text, register.agencies).map((f) => f.found),
      expected,
      text,
    );
  assert.equal(distance('仲兴镇', '仲兴乡'), 1);
});

test('the pre-publication checks carry the name findings, to be confirmed by the reviewer', () => {
  const base = {
    title: '关于春耕生产的通知',
    summary: '概述',
    issuer: '固镇县仲兴乡人民政府',
    writtenOn: '2026-03-01',
    bodyText: '会议由乡长张三主持，固镇县仲兴镇人民政府各部门参加。',
    attachments: [],
    normative: false,
    interpretationCount: 0,
    interpretationExemption: '',
  };
  assert.deepEqual(prepublicationChecks(base), []);
  const findings = prepublicationChecks({ ...base, names: register });
  const f = findings.find((x) => x.code === 'name_mismatch')!;
  assert.equal(f.blocking, false);
  assert.match(f.message, /乡长张三.*乡长 李四/);
  assert.match(f.message, /固镇县仲兴镇人民政府.*固镇县仲兴乡人民政府/);
});
