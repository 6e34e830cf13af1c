import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedArrangements } from '../calendar/data/shipped.js';
import { WorkCalendar } from '../calendar/work-calendar.js';
import type { CaseEvent } from './case-clock.js';
import { latestReceipt, noticeReceipts, receiptDay, type DeliveryMethod } from './notice-receipt.js';

const cal = new WorkCalendar(shippedArrangements());

// 国庆/中秋 2025: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked. 春节 2025: 01-28…02-04 off,
// Sunday 01-26 and Saturday 02-08 worked.
const table: Array<{
  why: string;
  sentOn: string;
  method: DeliveryMethod | null;
  receivedOn?: string;
  margin?: number;
  day: string;
  presumed: boolean;
  basis: RegExp;
}> = [
  {
    why: 'fee notice posted on the Monday before 国庆: 09-30, 10-09, 10-10',
    sentOn: '2025-09-29',
    method: 'post',
    day: '2025-10-10',
    presumed: true,
    basis: /邮寄送达推定发出后第3个工作日收到/,
  },
  {
    why: 'posted on the last day before 国庆: the third working day is the worked Saturday 10-11',
    sentOn: '2025-09-30',
    method: 'post',
    day: '2025-10-11',
    presumed: true,
    basis: /第3个工作日/,
  },
  {
    why: 'a margin of 5 set by the agency',
    sentOn: '2025-09-29',
    method: 'post',
    margin: 5,
    day: '2025-10-13',
    presumed: true,
    basis: /第5个工作日/,
  },
  {
    why: 'method not recorded: presumed post, across 春节',
    sentOn: '2025-01-27',
    method: null,
    day: '2025-02-07',
    presumed: true,
    basis: /送达方式未登记，按邮寄推定/,
  },
  {
    why: 'a margin of 0: posted and presumed received the same day',
    sentOn: '2025-09-29',
    method: 'post',
    margin: 0,
    day: '2025-09-29',
    presumed: true,
    basis: /第0个工作日/,
  },
  {
    why: 'e-mail on the eve of 国庆: the day it reached the applicant, presumed the sending day',
    sentOn: '2025-09-30',
    method: 'email',
    day: '2025-09-30',
    presumed: true,
    basis: /民事诉讼法》第九十条/,
  },
  {
    why: 'online',
    sentOn: '2025-10-09',
    method: 'online',
    day: '2025-10-09',
    presumed: true,
    basis: /互联网渠道送达，推定发出当日到达/,
  },
  {
    why: 'fax',
    sentOn: '2025-10-09',
    method: 'fax',
    day: '2025-10-09',
    presumed: true,
    basis: /传真/,
  },
  {
    why: 'handed over in person: the day handed over, a fact',
    sentOn: '2025-09-29',
    method: 'in_person',
    day: '2025-09-29',
    presumed: false,
    basis: /当面送达，交付之日/,
  },
  {
    why: 'posted, the postal receipt signed on the first working day after 国庆',
    sentOn: '2025-09-29',
    method: 'post',
    receivedOn: '2025-10-09',
    day: '2025-10-09',
    presumed: false,
    basis: /已登记申请人收到之日，邮寄/,
  },
  {
    why: 'posted, signed for on a holiday: the recorded day stands (periods roll, receipt does not)',
    sentOn: '2025-09-30',
    method: 'post',
    receivedOn: '2025-10-03',
    day: '2025-10-03',
    presumed: false,
    basis: /已登记/,
  },
];

test('the day a notice counts as received: recorded, else presumed by method (table)', () => {
  for (const t of table) {
    const r = receiptDay(cal, {
      sentOn: t.sentOn,
      method: t.method,
      receivedOn: t.receivedOn ?? null,
      marginDays: t.margin ?? 3,
    });
    assert.equal(r.day, t.day, t.why);
    assert.equal(r.presumed, t.presumed, t.why);
    assert.match(r.basis, t.basis, t.why);
  }
});

const ev = (type: string, day: string, data: Record<string, unknown> = {}): CaseEvent => ({
  type,
  day,
  data,
});

test('a recorded delivery belongs to the latest notice of its type before it; the last record wins', () => {
  const events = [
    ev('submitted', '2025-09-01', { channel: 'in_person' }),
    ev('fee_notice_sent', '2025-09-29', { method: 'per_volume', explanation: '按量计收' }),
    ev('notice_delivered', '2025-10-10', {
      notice: 'fee_notice_sent',
      method: 'post',
      receivedOn: '2025-10-10',
    }),
    ev('notice_delivered', '2025-10-09', {
      notice: 'fee_notice_sent',
      method: 'post',
      receivedOn: '2025-10-09',
    }),
    ev('replied', '2025-10-20', { outcome: 'disclosed', method: 'post' }),
  ];
  const fee = latestReceipt(cal, events, ['fee_notice_sent'], 3)!;
  // The fee notice's own `method` is how the fee is counted, not how it was sent.
  assert.deepEqual([fee.day, fee.presumed, fee.method], ['2025-10-09', false, 'post']);
  const reply = latestReceipt(cal, events, ['replied', 'closed'], 3)!;
  assert.deepEqual([reply.day, reply.presumed], ['2025-10-23', true]);
  assert.equal(latestReceipt(cal, events, ['extended'], 3), null);
  assert.deepEqual(
    noticeReceipts(cal, events, 3).map((r) => r.notice),
    ['fee_notice_sent', 'replied'],
  );

  // After a reopening the new reply is a new notice: the first reply's delivery does not carry over.
  const again = [
    ...events,
    ev('notice_delivered', '2025-10-22', { notice: 'replied', method: 'post', receivedOn: '2025-10-22' }),
    ev('reopened', '2025-12-01'),
    ev('replied', '2025-12-15', { outcome: 'disclosed', method: 'pickup' }),
  ];
  const [first, second] = noticeReceipts(cal, again, 3).filter((r) => r.notice === 'replied');
  assert.deepEqual([first!.day, first!.presumed], ['2025-10-22', false]);
  // 自行领取: handed over in person when sent.
  assert.deepEqual([second!.day, second!.presumed, second!.method], ['2025-12-15', false, 'in_person']);
});
