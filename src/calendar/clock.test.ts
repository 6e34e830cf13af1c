// Expected dates are counted by hand on the 2025 arrangement (国办发明电〔2024〕12号): 清明 04-04…06 off,
// 劳动节 05-01…05 off with Sunday 04-27 worked, 国庆/中秋 10-01…08 off with 09-28 and 10-11 worked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar } from './work-calendar.js';
import { shippedArrangements } from './data/shipped.js';
import {
  type ClockEvent,
  computeClock,
  explainClock,
  messageReplyClock,
  requestReplyClock,
} from './clock.js';
import { REQUEST_REPLY } from './rules.js';
import { renderExplanationZh } from './explain.js';
import { DomainError } from '../platform/errors.js';

const cal = new WorkCalendar(shippedArrangements());
const inPerson = (events: ClockEvent[], asOf = '2025-03-14') =>
  requestReplyClock(cal, {
    channel: 'in_person',
    events: [{ type: 'submitted', at: '2025-03-03' }, ...events],
    asOf,
  });

test('plain reply period: 20 working days after the day of receipt', () => {
  const c = inPerson([]);
  assert.equal(c.dueDate, '2025-03-31');
  assert.equal(c.status, 'running');
  assert.equal(c.daysUsed, 9); // 03-04…07, 03-10…14
  assert.equal(c.daysLeft, 11);
  assert.equal(c.overdue, false);
  assert.equal(c.provisional, false);
});

test('receipt depends on the channel (Art. 31) and on the legal day in Beijing', () => {
  const online = requestReplyClock(cal, {
    channel: 'online',
    events: [
      { type: 'submitted', at: '2025-02-27T02:00:00Z' }, // submitted earlier, confirmed later: confirmation counts
      { type: 'receipt_confirmed', at: '2025-03-02T17:30:00Z' }, // 2025-03-03 01:30 in Beijing
    ],
    asOf: '2025-03-03',
  });
  assert.equal(online.receivedOn, '2025-03-03');
  assert.equal(online.dueDate, '2025-03-31');
  const post = requestReplyClock(cal, {
    channel: 'post_signed',
    events: [{ type: 'signed_for', at: '2025-03-10' }],
    asOf: '2025-03-10',
  });
  assert.equal(post.dueDate, '2025-04-08'); // 03-11…14 (4), 17…21 (9), 24…28 (14), 03-31…04-03 (18), 04-07 (19), 04-08 (20)
  const notYet = requestReplyClock(cal, {
    channel: 'post_signed',
    events: [{ type: 'submitted', at: '2025-03-10' }],
    asOf: '2025-03-10',
  });
  assert.equal(notYet.status, 'not_started');
  assert.equal(notYet.dueDate, null);
});

test('the Spring Festival runs through the period (add 2025-01-20 20 = 2025-02-21)', () => {
  const c = requestReplyClock(cal, {
    channel: 'in_person',
    events: [{ type: 'submitted', at: '2025-01-20' }],
    asOf: '2025-01-20',
  });
  assert.equal(c.dueDate, '2025-02-21');
});

test('third-party consultation is excluded time (Art. 32, 33 ¶3)', () => {
  const c = inPerson(
    [
      { type: 'consultation_started', at: '2025-03-10', party: 'third_party' },
      { type: 'consultation_ended', at: '2025-03-24', party: 'third_party' },
    ],
    '2025-03-25',
  );
  assert.equal(c.dueDate, '2025-04-15');
  assert.equal(c.daysUsed, 6); // 03-04…07, 03-10, then 03-25
  const open = inPerson(
    [{ type: 'consultation_started', at: '2025-03-10', party: 'third_party' }],
    '2025-03-20',
  );
  assert.equal(open.status, 'paused');
  assert.equal(open.paused, true);
  // Bounded: 15 working days for the answer + 3 in the post → the pause ends 04-03; 15 days left → 04-25.
  assert.equal(open.dueDate, '2025-04-25');
  assert.equal(open.daysUsed, 5);
  assert.equal(open.daysLeft, 15);
});

test('overlapping third-party and co-maker consultations are excluded once (Art. 34)', () => {
  const c = inPerson([
    { type: 'consultation_started', at: '2025-03-10', party: 'third_party' },
    { type: 'consultation_started', at: '2025-03-17', party: 'co_maker' },
    { type: 'consultation_ended', at: '2025-03-24', party: 'third_party' },
    { type: 'consultation_ended', at: '2025-03-28', party: 'co_maker' },
  ]);
  assert.equal(c.dueDate, '2025-04-21');
});

test('fee notice to payment pauses the clock (109号)', () => {
  const paid = inPerson([
    { type: 'fee_notice_sent', at: '2025-03-10' },
    { type: 'fee_paid', at: '2025-03-24' },
  ]);
  assert.equal(paid.dueDate, '2025-04-15');
  const unpaid = inPerson([{ type: 'fee_notice_sent', at: '2025-03-10' }], '2025-03-20');
  assert.equal(unpaid.status, 'paused');
  assert.throws(
    () => inPerson([{ type: 'fee_paid', at: '2025-03-24' }]),
    (e) => e instanceof DomainError && e.code === 'clock.events_inconsistent',
  );
});

test('clarification restarts the period from receipt of the corrected application (Art. 30)', () => {
  const c = inPerson([
    { type: 'clarification_requested', at: '2025-03-05' },
    { type: 'clarification_received', at: '2025-03-20' },
  ]);
  assert.equal(c.startedOn, '2025-03-20');
  assert.equal(c.dueDate, '2025-04-18');
  assert.deepEqual(c.findings, []);
  const waiting = inPerson([{ type: 'clarification_requested', at: '2025-03-05' }]);
  assert.equal(waiting.status, 'awaiting_clarification');
  assert.equal(waiting.paused, true);
  assert.equal(waiting.dueDate, null);
  const late = inPerson([{ type: 'clarification_requested', at: '2025-03-13' }]); // 8th working day
  assert.deepEqual(
    late.findings.map((f) => f.code),
    ['clarification_late'],
  );
});

test('a second clarification request is refused (Art. 30: 一次性告知)', () => {
  assert.throws(
    () =>
      inPerson([
        { type: 'clarification_requested', at: '2025-03-05' },
        { type: 'clarification_received', at: '2025-03-20' },
        { type: 'clarification_requested', at: '2025-03-25' },
      ]),
    (e) => e instanceof DomainError && e.code === 'clock.second_clarification',
  );
});

test('extension of at most 20 working days in total (Art. 33 ¶2)', () => {
  const c = inPerson([{ type: 'extended', at: '2025-03-28', days: 20 }]);
  assert.equal(c.dueDate, '2025-04-28'); // through Sunday 04-27, a make-up day
  assert.equal(c.periodDays, 40);
  const split = inPerson([
    { type: 'extended', at: '2025-03-20', days: 10 },
    { type: 'extended', at: '2025-03-28', days: 10 },
  ]);
  assert.equal(split.dueDate, '2025-04-28');
  assert.throws(
    () => inPerson([{ type: 'extended', at: '2025-03-28', days: 21 }]),
    (e) => e instanceof DomainError && e.code === 'clock.extension_exceeds',
  );
  assert.throws(
    () =>
      inPerson([
        { type: 'extended', at: '2025-03-20', days: 15 },
        { type: 'extended', at: '2025-03-28', days: 10 },
      ]),
    DomainError,
  );
  const late = inPerson([{ type: 'extended', at: '2025-04-02', days: 5 }]);
  assert.deepEqual(
    late.findings.map((f) => f.code),
    ['extension_late'],
  );
});

test('delayed reply under Art. 35 fixes the reply date', () => {
  const c = inPerson([{ type: 'reply_delayed', at: '2025-03-20', replyBy: '2025-05-30' }], '2025-05-26');
  assert.equal(c.dueDate, '2025-05-30');
  assert.equal(c.daysLeft, 4);
});

test('overdue: replied late, and still open after the due date', () => {
  const replied = inPerson([{ type: 'replied', at: '2025-04-02T02:00:00Z' }], '2025-04-10');
  assert.equal(replied.status, 'stopped');
  assert.equal(replied.stoppedOn, '2025-04-02');
  assert.equal(replied.overdue, true);
  assert.equal(replied.daysOverdue, 2);
  const open = inPerson([], '2025-04-07');
  assert.equal(open.overdue, true);
  assert.equal(open.daysOverdue, 4);
  assert.equal(open.daysUsed, 24);
  assert.equal(open.daysLeft, 0);
  const onTime = inPerson([{ type: 'replied', at: '2025-03-31' }], '2025-04-10');
  assert.equal(onTime.overdue, false);
});

test('a period reaching into a year without an arrangement is provisional', () => {
  const c = requestReplyClock(cal, {
    channel: 'in_person',
    events: [{ type: 'submitted', at: '2026-12-15' }],
    asOf: '2026-12-15',
  });
  assert.equal(c.dueDate, '2027-01-12');
  assert.equal(c.provisional, true);
});

// Art. 26 timeliness of proactive disclosure is catalog/timeliness.ts art26Timeliness (its own tests).
test('the same engine: message reply promises', () => {
  // Received 00:30 on 2025-01-27 in Beijing (16:30 UTC the day before): 3 working days → 02-05, 02-06, 02-07.
  const msg = messageReplyClock(cal, {
    receivedAt: '2025-01-26T16:30:00Z',
    promiseDays: 3,
    asOf: '2025-01-27',
  });
  assert.equal(msg.dueDate, '2025-02-07');
  assert.throws(() => computeClock(cal, { rule: REQUEST_REPLY, events: [], asOf: 'yesterday' }), DomainError);
});

test('explanation lists each counted, skipped and excluded day, pauses and the extension', () => {
  const { clock, explanation } = explainClock(cal, {
    rule: REQUEST_REPLY,
    channel: 'in_person',
    events: [
      { type: 'submitted', at: '2025-03-03' },
      { type: 'consultation_started', at: '2025-03-10', party: 'third_party' },
      { type: 'consultation_ended', at: '2025-03-24', party: 'third_party' },
      { type: 'extended', at: '2025-04-01', days: 5 },
    ],
    asOf: '2025-04-01',
  });
  assert.equal(clock.dueDate, '2025-04-22');
  const counted = explanation.steps.filter((s) => s.kind === 'counted');
  assert.equal(counted.length, 25);
  assert.equal(counted.at(-1)?.date, '2025-04-22');
  assert.ok(explanation.steps.some((s) => s.kind === 'excluded' && s.date === '2025-03-24'));
  assert.ok(
    explanation.steps.some((s) => s.kind === 'skipped' && s.date === '2025-04-04' && s.reason === 'holiday'),
  );
  const text = renderExplanationZh(explanation);
  assert.match(text, /2025年3月10日（星期一）：开始征求第三方意见，自次日起暂停计算/);
  assert.match(text, /2025年3月11日（星期二）至2025年3月24日（星期一）：征求第三方意见期间，不计算/);
  assert.match(text, /延长答复期限5个工作日/);
  assert.match(text, /2025年4月4日（星期五）至2025年4月6日（星期日）：清明节放假，不计算/);
  assert.match(text, /期限届满日：2025年4月22日（星期二）$/);
});

test('explanation of a clarification shows the restart', () => {
  const { explanation } = explainClock(cal, {
    rule: REQUEST_REPLY,
    channel: 'in_person',
    events: [
      { type: 'submitted', at: '2025-03-03' },
      { type: 'clarification_requested', at: '2025-03-05' },
      { type: 'clarification_received', at: '2025-03-20' },
    ],
    asOf: '2025-03-20',
  });
  const text = renderExplanationZh(explanation);
  assert.match(text, /一次性告知申请人补正/);
  assert.match(text, /起算：2025年3月20日（星期四）为收到补正后的申请之日/);
  assert.match(text, /2025年3月21日（星期五）：第1个工作日/);
});

// Issue 32: the defects as found, with the dates of the report. Each failed before the steps had deadlines.
const receivedInPerson = (day: string, events: ClockEvent[], asOf: string) =>
  requestReplyClock(cal, { channel: 'in_person', events: [{ type: 'submitted', at: day }, ...events], asOf });
const codes = (c: { findings: Array<{ code: string }> }) => c.findings.map((f) => f.code);

test('a 补正 notice after the 7 working days of Art. 30 restarts nothing: the case stays overdue', () => {
  // Received 2025-01-20 (due 02-21 across 春节); the notice was due by 02-05 (01-26 is a make-up working day).
  const c = receivedInPerson(
    '2025-01-20',
    [
      { type: 'clarification_requested', at: '2025-03-10' },
      { type: 'clarification_received', at: '2025-03-12' },
    ],
    '2025-03-14',
  );
  assert.equal(c.startedOn, '2025-01-20');
  assert.equal(c.dueDate, '2025-02-21');
  assert.equal(c.overdue, true);
  assert.deepEqual(codes(c), ['clarification_late']);
  assert.match(c.findings[0]!.message, /2025-02-05/);
  // On the last day it is still in time, and restarts the period.
  const inTime = receivedInPerson(
    '2025-01-20',
    [
      { type: 'clarification_requested', at: '2025-02-05' },
      { type: 'clarification_received', at: '2025-02-10' },
    ],
    '2025-02-10',
  );
  assert.equal(inTime.startedOn, '2025-02-10');
  assert.deepEqual(codes(inTime), []);
});

test('an extension approved after the due date extends nothing (Art. 33 ¶2)', () => {
  const online = (events: ClockEvent[], asOf: string) =>
    requestReplyClock(cal, {
      channel: 'online',
      events: [{ type: 'receipt_confirmed', at: '2025-09-26' }, ...events],
      asOf,
    });
  assert.equal(online([], '2025-09-26').dueDate, '2025-10-30'); // 国庆/中秋 10-01…08 off, 09-28 and 10-11 worked
  const late = online([{ type: 'extended', at: '2025-11-03', days: 20 }], '2025-11-03');
  assert.equal(late.dueDate, '2025-10-30');
  assert.equal(late.extensionDays, 0);
  assert.equal(late.overdue, true);
  assert.equal(late.daysOverdue, 2); // 10-31, 11-03
  assert.deepEqual(codes(late), ['extension_late']);
  const inTime = online([{ type: 'extended', at: '2025-10-30', days: 20 }], '2025-11-03');
  assert.equal(inTime.dueDate, '2025-11-27');
  assert.equal(inTime.overdue, false);
});

test('an unanswered consultation pauses for 15 working days plus the delivery margin, then the clock runs (Art. 32)', () => {
  const c = requestReplyClock(cal, {
    channel: 'online',
    events: [
      { type: 'receipt_confirmed', at: '2025-09-26' },
      { type: 'consultation_started', at: '2025-09-29', party: 'third_party' },
    ],
    asOf: '2025-12-31',
  });
  // Used before the pause: 09-28 (a make-up Sunday) and 09-29, the day the letter went out. The pause ends 18
  // working days later (10-30: 09-30, 10-09…11, 10-13…17, 10-20…24, 10-27…30); 18 left from 10-31: 10-31 (1),
  // 11-03…07 (6), 11-10…14 (11), 11-17…21 (16), 11-24 (17), 11-25 (18).
  assert.equal(c.dueDate, '2025-11-25');
  assert.equal(c.paused, false);
  assert.equal(c.overdue, true);
  assert.deepEqual(codes(c), ['consultation_overrun']);
  assert.match(c.findings[0]!.message, /2025-10-30/);
  // The agency's own margin moves the bound: none at all → 10-27.
  const noMargin = requestReplyClock(cal, {
    channel: 'online',
    events: [
      { type: 'receipt_confirmed', at: '2025-09-26' },
      { type: 'consultation_started', at: '2025-09-29', party: 'third_party' },
    ],
    asOf: '2025-12-31',
    deliveryMarginDays: 0,
  });
  assert.match(noMargin.findings[0]!.message, /2025-10-27/);
  // An answer after the bound does not move the due date back.
  const lateAnswer = requestReplyClock(cal, {
    channel: 'online',
    events: [
      { type: 'receipt_confirmed', at: '2025-09-26' },
      { type: 'consultation_started', at: '2025-09-29', party: 'third_party' },
      { type: 'consultation_ended', at: '2025-11-10', party: 'third_party' },
    ],
    asOf: '2025-12-31',
  });
  assert.equal(lateAnswer.dueDate, '2025-11-25');
  assert.deepEqual(codes(lateAnswer), ['consultation_overrun']);
});

test('a fee notice, an Art. 35 delay or a consultation after the reply period is reported and pauses nothing', () => {
  const after = (e: ClockEvent) => receivedInPerson('2025-03-03', [e], '2025-04-10');
  const fee = after({ type: 'fee_notice_sent', at: '2025-04-02' });
  assert.equal(fee.dueDate, '2025-03-31');
  assert.equal(fee.paused, false);
  assert.deepEqual(codes(fee), ['fee_notice_late']);
  const delay = after({ type: 'reply_delayed', at: '2025-04-01', replyBy: '2025-05-30' });
  assert.equal(delay.dueDate, '2025-03-31');
  assert.deepEqual(codes(delay), ['delay_late']);
  const consultation = after({ type: 'consultation_started', at: '2025-04-01', party: 'third_party' });
  assert.equal(consultation.dueDate, '2025-03-31');
  assert.deepEqual(codes(consultation), ['consultation_late']);
});

test('an unpaid fee notice pauses for the 20 working days of payment plus the margin (109号)', () => {
  const c = receivedInPerson('2025-03-03', [{ type: 'fee_notice_sent', at: '2025-03-10' }], '2025-05-20');
  assert.deepEqual(codes(c), ['fee_payment_overrun']);
  assert.notEqual(c.dueDate, null);
  assert.equal(c.paused, false);
});

test('an imported case closed before it was received is reported', () => {
  const c = receivedInPerson('2025-03-03', [{ type: 'closed', at: '2025-02-20' }], '2025-03-05');
  assert.deepEqual(codes(c), ['stopped_before_start']);
});
