import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseApplicant, residentIdCheckChar, residentIdProblem } from './applicant.js';

test('GB 11643 worked examples pass; a changed digit fails', () => {
  // The standard's own example and a commonly published specimen.
  assert.equal(residentIdProblem('11010519491231002X'), undefined);
  assert.equal(residentIdProblem('440524188001010014'), undefined);
  assert.match(residentIdProblem('110105194912310021')!, /校验位/);
  assert.match(residentIdProblem('11010519491331002X')!, /出生日期/);
  assert.match(residentIdProblem('1101051949123100')!, /18 位/);
});

test('any single-digit change of a valid number is caught by the check character', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
      const base = '11010519491231002';
      const changed = base.slice(0, pos) + ((Number(base[pos]) + delta) % 10) + base.slice(pos + 1);
      return residentIdCheckChar(changed) !== 'X';
    }),
  );
});

test('a natural person and an organisation parse; bad fields get Chinese messages', () => {
  const person = parseApplicant({
    applicantKind: 'natural',
    name: '张三',
    idType: 'resident_id',
    idNumber: '11010519491231002x',
    phone: '138 0000 1234',
  });
  assert.deepEqual(person.errors, {});
  assert.equal(person.applicant?.kind === 'natural' && person.applicant.idNumber, '11010519491231002X');
  const org = parseApplicant({
    applicantKind: 'legalService',
    name: '某律师事务所',
    creditCode: '91350100M000100Y43',
    legalRepresentative: '李四',
    contactName: '王五',
    phone: '05521234567',
  });
  assert.deepEqual(org.errors, {});
  const bad = parseApplicant({
    applicantKind: 'commercial',
    name: '',
    creditCode: '91350100M000100Y44',
    phone: '12',
  });
  assert.deepEqual(Object.keys(bad.errors).sort(), [
    'contactName',
    'creditCode',
    'legalRepresentative',
    'name',
    'phone',
  ]);
  assert.equal(parseApplicant({ applicantKind: 'alien' }).errors.applicantKind !== undefined, true);
});
