import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApplication, receiptOf } from './intake.js';

const today = '2025-05-06';

test('Art. 31: each channel takes its receipt day from its own event', () => {
  // (一) in person: the day submitted, today when not given.
  assert.deepEqual(receiptOf('in_person', {}, today), { day: today, event: 'submitted', errors: {} });
  assert.equal(receiptOf('in_person', { submittedOn: '2025-05-02' }, today).day, '2025-05-02');
  // (二) registered mail: the day the agency signs for it, whatever the confirmation date.
  assert.deepEqual(
    receiptOf('post_signed', { signedForOn: '2025-04-30', confirmedOn: '2025-05-06' }, today),
    {
      day: '2025-04-30',
      event: 'signed_for',
      errors: {},
    },
  );
  // (二) ordinary mail and (三) fax / e-mail: the day of confirmation with the applicant.
  for (const ch of ['post_ordinary', 'fax', 'email'] as const) {
    const r = receiptOf(ch, { signedForOn: '2025-04-30', confirmedOn: '2025-05-05' }, today);
    assert.equal(r.day, '2025-05-05', ch);
    assert.equal(r.event, 'receipt_confirmed');
    assert.match(receiptOf(ch, {}, today).errors.confirmedOn!, /确认收到的日期.*第三十一条/);
  }
  assert.match(receiptOf('post_signed', {}, today).errors.signedForOn!, /签收日期/);
  assert.match(receiptOf('fax', { confirmedOn: '2025-05-07' }, today).errors.confirmedOn!, /不能晚于今天/);
  assert.match(receiptOf('fax', { confirmedOn: '5/5' }, today).errors.confirmedOn!, /YYYY-MM-DD/);
});

test('Art. 29: the information sought needs a name or a description; form and delivery are chosen', () => {
  const r = parseApplication({
    applicantKind: 'natural',
    name: '张三',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '13800001234',
    delivery: 'post',
  });
  assert.deepEqual(Object.keys(r.errors).sort(), ['address', 'form', 'infoTitle']);
  const ok = parseApplication({
    applicantKind: 'natural',
    name: '张三',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '13800001234',
    infoDescription: '2024年本乡低保名单',
    form: 'inspection',
    delivery: 'pickup',
    helpRequested: 'on',
  });
  assert.deepEqual(ok.errors, {});
  assert.equal(ok.content?.helpRequested, true);
  assert.equal(ok.content?.purpose, '');
});
