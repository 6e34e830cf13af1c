import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Agency } from '../../access/agency.js';
import { assessFee } from '../fees.js';
import { noticeText } from './notice-content.js';
import { noticeKindsFor, parseNoticeId } from './notice-kinds.js';

const agency = {
  name: '固镇县仲兴乡人民政府',
  shortName: '仲兴乡',
  docNoPrefixes: ['仲政'],
} as Agency;
const base = {
  year: 2025,
  regNo: 7,
  applicantName: '张三',
  infoTitle: '某文件',
  receivedOn: '2025-03-03',
  dueDate: '2025-03-31',
  reply: null,
  reviewBody: '固镇县人民政府',
};

const replied = (outcome: string, day: string) => ({
  ...base,
  reply: { outcome, text: '', fields: {} } as never,
  events: [{ type: 'replied', day, data: { outcome } }],
});

test('issue 32 defect 6: a refusal sent on 2025-03-20 states 复议 first and offers no direct lawsuit', () => {
  const all = noticeText(
    'reply',
    agency,
    replied('withheldStateSecret', '2025-03-20'),
    '2025-03-20',
  ).paragraphs.join('');
  assert.match(all, /自收到本答复之日起六十日内向固镇县人民政府申请行政复议/);
  assert.match(
    all,
    /行政复议法》第二十三条的规定，对不予公开政府信息的决定不服的，应当先向固镇县人民政府申请行政复议/,
  );
  assert.match(all, /收到行政复议决定书之日起十五日内向人民法院提起行政诉讼/);
  // On main the same notice also offered 「或者自收到本答复之日起六个月内向人民法院提起行政诉讼」.
  assert.doesNotMatch(all, /六个月内向人民法院提起行政诉讼/);
  assert.doesNotMatch(all, /或者[^。]*提起行政诉讼/);
});

test('a disclosure, and a refusal made before 2024-01-01, offer 复议 or a lawsuit', () => {
  for (const [outcome, day] of [
    ['disclosed', '2025-03-20'],
    ['withheldStateSecret', '2023-12-29'],
  ] as const) {
    const all = noticeText('reply', agency, replied(outcome, day), '2025-03-20').paragraphs.join('');
    assert.match(
      all,
      /自收到本答复之日起六十日内向固镇县人民政府申请行政复议，或者自收到本答复之日起六个月内向人民法院提起行政诉讼。/,
      outcome,
    );
    assert.doesNotMatch(all, /第二十三条/, outcome);
  }
});

test('an agency whose 复议机关 cannot be named never gets 「上一级行政机关」', () => {
  const all = noticeText(
    'reply',
    agency,
    { ...replied('disclosed', '2025-03-20'), reviewBody: null },
    '2025-03-20',
  ).paragraphs.join('');
  assert.doesNotMatch(all, /上一级行政机关/);
  assert.match(all, /向依法确定的行政复议机关申请行政复议/);
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

const consulting = [
  {
    type: 'consultation_started',
    day: '2025-03-05',
    data: { party: 'third_party', ref: '1a2b3c4d', consulted: '某建设公司' },
  },
  {
    type: 'consultation_started',
    day: '2025-03-05',
    data: { party: 'co_maker', ref: '5e6f7a8b', consulted: '固镇县交通运输局' },
  },
  {
    type: 'consultation_started',
    day: '2025-03-06',
    data: { party: 'other_agency', ref: '9c0d1e2f', consulted: '固镇县财政局' },
  },
];

test('consultation letters: addressed to the consulted party, 15 working days, the article for each party', () => {
  const kinds = noticeKindsFor(consulting, 'consulting');
  assert.deepEqual(kinds, [
    'receipt',
    'consultation-1a2b3c4d',
    'consultation-5e6f7a8b',
    'consultation-9c0d1e2f',
  ]);
  const c = { ...base, events: consulting };
  const third = noticeText('consultation', agency, c, '2025-03-05', '1a2b3c4d');
  assert.equal(third.title, '政府信息公开征求第三方意见书');
  assert.equal(third.addressee, '某建设公司：');
  assert.equal(third.docNo, '仲政依申征〔2025〕7-1号');
  const body = third.paragraphs.join('');
  assert.match(body, /第三十二条/);
  assert.match(body, /收到本征求意见书之日起15个工作日内提出书面意见/);
  assert.match(body, /逾期未提出意见的，由本机关.*决定/);
  assert.match(body, /某文件/);
  assert.doesNotMatch(body + third.addressee, /张三/, 'the third party is not told who applied');
  const co = noticeText('consultation', agency, c, '2025-03-05', '5e6f7a8b');
  assert.equal(co.title, '政府信息公开征求共同制作机关意见函');
  assert.equal(co.docNo, '仲政依申征〔2025〕7-2号');
  assert.match(co.paragraphs.join(''), /第三十四条.*15个工作日内书面回复；逾期未回复的，视为同意公开/s);
  const other = noticeText('consultation', agency, c, '2025-03-06', '9c0d1e2f');
  assert.equal(other.addressee, '固镇县财政局：');
  assert.match(other.paragraphs.join(''), /第三十三条第三款.*不计算在答复期限内/s);
  const single = noticeText(
    'consultation',
    agency,
    { ...c, events: consulting.slice(0, 1) },
    '2025-03-05',
    '1a2b3c4d',
  );
  assert.equal(single.docNo, '仲政依申征〔2025〕7号', 'one consultation needs no order suffix');
});

test('Art. 32: a third party that objected is told the reasons, the wait and its remedies, only when overruled', () => {
  const answered = [
    ...consulting.slice(0, 1),
    {
      type: 'consultation_ended',
      day: '2025-03-12',
      data: { party: 'third_party', ref: '1a2b3c4d', opinion: '涉及商业秘密', objects: true },
    },
  ];
  const withDraft = (publicInterest?: string) => [
    ...answered,
    {
      type: 'reply_drafted',
      day: '2025-03-14',
      data: { outcome: 'disclosed', text: '', fields: {}, publicInterest },
    },
  ];
  assert.deepEqual(noticeKindsFor(withDraft(), 'reviewed'), ['receipt', 'consultation-1a2b3c4d', 'reply']);
  assert.deepEqual(noticeKindsFor(withDraft('资金使用关系公共利益'), 'reply_drafted'), [
    'receipt',
    'consultation-1a2b3c4d',
  ]);
  assert.deepEqual(noticeKindsFor(withDraft('资金使用关系公共利益'), 'reviewed'), [
    'receipt',
    'consultation-1a2b3c4d',
    'objection-1a2b3c4d',
    'reply',
  ]);
  const n = noticeText(
    'objection',
    agency,
    { ...base, events: withDraft('资金使用关系公共利益') },
    '2025-03-20',
    '1a2b3c4d',
  );
  assert.equal(n.title, '政府信息公开第三方告知书');
  assert.equal(n.addressee, '某建设公司：');
  assert.equal(n.docNo, '仲政依申告〔2025〕7号');
  const body = n.paragraphs.join('');
  assert.match(body, /2025年3月12日表示不同意公开（涉及商业秘密）/);
  assert.match(body, /公共利益造成重大影响.*第三十二条.*理由：资金使用关系公共利益/s);
  assert.match(body, /决定公开的政府信息内容：某文件/);
  assert.match(body, /送达之日起15个工作日后/);
  assert.match(body, /六十日内向固镇县人民政府申请行政复议.*六个月内向人民法院提起行政诉讼/s);
});

test('notice ids: kinds with and without a consultation reference', () => {
  assert.deepEqual(parseNoticeId('receipt'), { kind: 'receipt' });
  assert.deepEqual(parseNoticeId('consultation-1a2b3c4d'), { kind: 'consultation', ref: '1a2b3c4d' });
  assert.equal(parseNoticeId('consultation'), null);
  assert.equal(parseNoticeId('receipt-1a2b3c4d'), null);
  assert.equal(parseNoticeId('nonsense'), null);
});
