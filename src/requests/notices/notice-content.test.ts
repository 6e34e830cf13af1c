import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Agency } from '../../agencies/agency.js';
import { assessFee } from '../fees.js';
import { noticeText, remediesText } from './notice-content.js';
import { noticeKindsFor } from './notice-kinds.js';

const agency = {
  name: '固镇县仲兴乡人民政府',
  shortName: '仲兴乡',
  docNoPrefixes: ['仲政'],
  reconsiderationBody: '固镇县人民政府',
} as Agency;
const base = {
  year: 2025,
  regNo: 7,
  applicantName: '张三',
  infoTitle: '某文件',
  receivedOn: '2025-03-03',
  dueDate: '2025-03-31',
  reply: null,
};

test('remedies name the reconsideration body, 60 days and 6 months; refusals go to reconsideration first', () => {
  const plain = remediesText(agency, false);
  assert.match(plain, /六十日内向固镇县人民政府申请行政复议/);
  assert.match(plain, /六个月内向人民法院提起行政诉讼/);
  assert.doesNotMatch(plain, /第二十三条/);
  assert.match(remediesText(agency, true), /行政复议法》第二十三条.*应当先向固镇县人民政府申请行政复议/);
});

test('fee and delayed-reply notices state basis, amount, deadline; numbers carry the kind', () => {
  const fee = assessFee({ method: 'per_volume', pages: 150 });
  const events = [{ type: 'fee_notice_sent', day: '2025-03-10', data: { ...fee } }];
  assert.deepEqual(noticeKindsFor(events, 'awaiting_payment'), ['receipt', 'fee']);
  const n = noticeText('fee', agency, { ...base, events }, '2025-03-10');
  assert.equal(n.docNo, '仲政依申费〔2025〕7号');
  assert.match(n.paragraphs.join(''), /109号.*1700元.*20个工作日/s);
  const d = noticeText(
    'delay',
    agency,
    {
      ...base,
      events: [
        { type: 'reply_delayed', day: '2025-03-10', data: { replyBy: '2025-06-30', reason: '申请数量大' } },
      ],
    },
    '2025-03-10',
  );
  assert.match(d.paragraphs[0]!, /第三十五条.*2025年6月30日.*申请数量大/);
});

test('a termination uses the ending’s notice title and no refusal wording', () => {
  const n = noticeText(
    'reply',
    agency,
    {
      ...base,
      events: [{ type: 'closed', day: '2025-04-01', data: { outcome: 'clarificationNotSupplied' } }],
    },
    '2025-04-01',
  );
  assert.equal(n.title, '政府信息公开申请终止办理告知书');
  assert.match(n.paragraphs.join(''), /逾期未补正/);
});
