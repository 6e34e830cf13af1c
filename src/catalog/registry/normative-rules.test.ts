import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkRegistrationTemplate,
  checkValidityRules,
  defaultExpiry,
  defaultValidityRules,
  expiryAlertDue,
  expiredOn,
} from './normative-rules.js';

test('default validity: 5 years, 2 for 试行/暂行 titles, through the day before the anniversary', () => {
  const cases: Array<[string, string, string]> = [
    ['仲兴乡村级公益事业建设一事一议财政奖补办法', '2026-03-01', '2031-02-28'],
    ['仲兴乡农村人居环境整治考核办法（试行）', '2026-03-01', '2028-02-29'],
    ['仲兴乡临时救助暂行规定', '2024-02-29', '2026-02-28'],
    ['仲兴乡河长制工作制度', '2024-02-29', '2029-02-28'],
  ];
  for (const [title, from, expected] of cases)
    assert.equal(defaultExpiry(title, from, defaultValidityRules), expected, title);
  const rules = { defaultYears: 3, trialYears: 1, trialWords: ['试点'] };
  assert.equal(defaultExpiry('某某试点方案', '2026-01-10', rules), '2027-01-09');
  assert.equal(defaultExpiry('某某办法（试行）', '2026-01-10', rules), '2029-01-09');
});

test('the expiry reminder runs from 6 months before 有效期至 through that day', () => {
  const cases: Array<[string, string, boolean]> = [
    ['2026-12-31', '2026-06-29', false],
    ['2026-12-31', '2026-06-30', true],
    ['2026-12-31', '2026-12-31', true],
    ['2026-12-31', '2027-01-01', false],
    ['2027-08-31', '2027-02-28', true], // 31 August − 6 months clamps to 28 February
    ['2027-08-31', '2027-02-27', false],
  ];
  for (const [expires, today, due] of cases)
    assert.equal(expiryAlertDue(expires, today), due, `${expires} ${today}`);
  assert.equal(expiredOn('2026-12-31'), '2027-01-01');
});

test('bad registry settings are refused in Chinese', () => {
  assert.throws(
    () => checkValidityRules({ defaultYears: '0', trialYears: 'x', trialWords: '试行' }),
    (e: { fields: Record<string, string> }) => /1–10/.test(e.fields.defaultYears!) && !!e.fields.trialYears,
  );
  assert.deepEqual(checkValidityRules({ defaultYears: '5', trialYears: '2', trialWords: '试行，暂行' }), {
    defaultYears: 5,
    trialYears: 2,
    trialWords: ['试行', '暂行'],
  });
  assert.throws(
    () => checkRegistrationTemplate('{机构代码}-{YYYY}'),
    (e: { fields: Record<string, string> }) => /统一登记号规则/.test(e.fields.registrationTemplate!),
  );
});
