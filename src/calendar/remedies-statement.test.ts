import { test } from 'node:test';
import assert from 'node:assert/strict';
import { remedyStatement } from './remedies-statement.js';

const body = '固镇县人民政府';
const DIRECT = /六个月内向人民法院提起行政诉讼/;
const FIRST =
  /第二十三条的规定，对不予公开政府信息的决定不服的，应当先向固镇县人民政府申请行政复议，不能直接向人民法院提起行政诉讼/;

test('行政复议法 2023 Art. 23: a refusal on or after 2024-01-01 goes to 复议 first, with no direct lawsuit', () => {
  for (const on of ['2024-01-01', '2025-03-20']) {
    const t = remedyStatement({ refusal: true, body, on, subject: 'reply' });
    assert.match(t, /^如对本答复不服，可以自收到本答复之日起六十日内向固镇县人民政府申请行政复议。/, on);
    assert.match(t, FIRST, on);
    assert.match(t, /自收到行政复议决定书之日起十五日内向人民法院提起行政诉讼/, on);
    assert.match(t, /行政诉讼法》第四十五条/, on);
    assert.doesNotMatch(t, DIRECT, on);
    assert.doesNotMatch(t, /或者[^。]*提起行政诉讼/, on);
  }
});

test('a refusal before 2024-01-01, and any other reply, offer 复议 (60 days) or a lawsuit (6 months)', () => {
  const either =
    '如对本答复不服，可以自收到本答复之日起六十日内向固镇县人民政府申请行政复议，或者自收到本答复之日起六个月内向人民法院提起行政诉讼。';
  assert.equal(remedyStatement({ refusal: true, body, on: '2023-12-31', subject: 'reply' }), either);
  assert.equal(remedyStatement({ refusal: false, body, on: '2025-03-20', subject: 'reply' }), either);
  assert.equal(remedyStatement({ refusal: false, body, on: '2023-06-01', subject: 'reply' }), either);
});

test('subjects, deadlines and an unnamed body', () => {
  const late = remedyStatement({
    refusal: false,
    body,
    on: '2025-03-31',
    subject: 'omission',
    lastDays: { reconsideration: '2025-05-30', litigation: '2025-09-30' },
  });
  assert.equal(
    late,
    '如对本机关逾期未答复不服，可以自答复期限届满之日起六十日内向固镇县人民政府申请行政复议（截止2025年5月30日），或者自答复期限届满之日起六个月内向人民法院提起行政诉讼（截止2025年9月30日）。',
  );
  const refused = remedyStatement({
    refusal: true,
    body,
    on: '2025-03-20',
    subject: 'reply',
    lastDays: { reconsideration: '2025-05-19', litigation: '2025-09-22' },
  });
  assert.match(refused, /（截止2025年5月19日）/);
  assert.doesNotMatch(refused, /2025年9月22日/, 'no lawsuit deadline where no direct lawsuit lies');
  assert.match(
    remedyStatement({ refusal: false, body, on: '2025-03-20', subject: 'notice' }),
    /^如对本决定不服，可以自收到本告知书之日起六十日内/,
  );
  const unnamed = remedyStatement({ refusal: false, body: null, on: '2025-03-20', subject: 'reply' });
  assert.match(unnamed, /向依法确定的行政复议机关申请行政复议/);
  assert.doesNotMatch(unnamed, /上一级行政机关/);
});

test('the guide covers every act: either remedy, and 复议 first for refusals since 2024', () => {
  const guide = remedyStatement({ refusal: null, body, on: '2025-03-20', subject: 'guide' });
  assert.match(
    guide,
    /^公民、法人或者其他组织认为本机关在政府信息公开工作中作出的行政行为侵犯其合法权益的，/,
  );
  assert.match(
    guide,
    /自知道该行政行为之日起六十日内向固镇县人民政府申请行政复议，或者自知道该行政行为之日起六个月内/,
  );
  assert.match(guide, FIRST);
  assert.doesNotMatch(
    remedyStatement({ refusal: null, body, on: '2023-03-20', subject: 'guide' }),
    /第二十三条/,
  );
});
