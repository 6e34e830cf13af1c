import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outcomeRows, table3SourceRows } from '../reports/model/formats.js';
import { OUTCOMES, type Outcome } from '../statute/outcomes.js';
import { REPLY_TYPES, reportRowOf } from './reply-types.js';

// statutory.md §2.6, written out by hand (2021 format).
const ROW_2021: Record<Outcome, string> = {
  disclosed: '（一）予以公开',
  alreadyPublic: '（一）予以公开',
  partlyDisclosed: '（二）部分公开',
  withheldStateSecret: '1.属于国家秘密',
  withheldProhibitedByLaw: '2.其他法律行政法规禁止公开',
  withheldSecurityStability: '3.危及',
  withheldThirdParty: '4.保护第三方合法权益',
  withheldInternalAffairs: '5.属于三类内部事务信息',
  withheldProcessInformation: '6.属于四类过程性信息',
  withheldEnforcementFile: '7.属于行政执法案卷',
  specialAccessProcedure: '8.属于行政查询事项',
  notHeld: '1.本机关不掌握相关政府信息',
  notResponsible: '1.本机关不掌握相关政府信息',
  requiresCreation: '2.没有现成信息需要另行制作',
  unclearAfterClarification: '3.补正后申请内容仍不明确',
  petitionOrComplaint: '1.信访举报投诉类申请',
  repeatRequest: '2.重复申请',
  publicationRequested: '3.要求提供公开出版物',
  unreasonableVolume: '4.无正当理由大量反复申请',
  confirmOrReissue: '5.要求行政机关确认或重新出具已获取信息',
  clarificationNotSupplied: '1.申请人无正当理由逾期不补正',
  feeNotPaid: '2.申请人逾期未按收费通知要求缴纳费用',
  withdrawn: '3.其他',
  otherTermination: '3.其他',
};

test('every reply type and ending lands in exactly one outcome row of each format', () => {
  for (const format of ['2019', '2021'] as const) {
    const rows = outcomeRows(format);
    const sourceRows = new Set(table3SourceRows(format).map((r) => r.id));
    for (const code of OUTCOMES) {
      const row = reportRowOf(code, format);
      const matches = rows.filter((r) => r.id === row);
      assert.equal(matches.length, 1, `${code} in ${format}`);
      assert.ok(sourceRows.has(row));
    }
  }
});

test('the 2021 rows are the ones statutory.md §2.6 names', () => {
  const rows = outcomeRows('2021');
  for (const code of OUTCOMES) {
    const label = rows.find((r) => r.id === reportRowOf(code, '2021'))!.label;
    assert.ok(
      label.replace(/["“”]/g, '').startsWith(ROW_2021[code].replace(/["“”]/g, '')),
      `${code}: ${label}`,
    );
  }
});

test('every outcome has a reply type with a basis and a decision; refusals are the 不予公开 decisions', () => {
  for (const code of OUTCOMES) {
    const t = REPLY_TYPES[code];
    assert.equal(t.code, code);
    assert.ok(t.basis && t.decision);
    assert.equal(t.refusal, code.startsWith('withheld') || code === 'partlyDisclosed', code);
  }
  assert.deepEqual(REPLY_TYPES.notResponsible.requires, ['responsibleAgency']);
  // Art. 35: the applicant was asked for reasons before an unreasonable volume is refused (decision 0014).
  assert.deepEqual(REPLY_TYPES.unreasonableVolume.requires, ['reasonsRequested']);
  assert.equal(REPLY_TYPES.withdrawn.kind, 'ending');
});
