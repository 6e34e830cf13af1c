import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../../platform/context.js';
import { describeEachDatabase } from '../../../test/support/db.js';
import { testContext, testConfig } from '../../../test/support/context.js';
import { makeAgency, person, staff } from '../../../test/support/request-cases.js';
import { residentIdCheckChar } from '../applicant.js';
import { registerApplication } from '../actions/register-application.js';
import { earlierSimilarRequests } from './repeat-requests.js';
import { normaliseInfoText, similarInfo } from './repeat-match.js';
import { requestsStore } from '../requests.store.js';

const info = (title: string, docNo = '', description = '') => ({ title, docNo, description });

test('normalising drops spaces, punctuation, width and filler words', () => {
  assert.equal(normaliseInfoText('申请公开 《关于２０２４年 道路建设》的信息！'), '2024年道路建设');
});

test('a reworded request is similar; another subject is not; the same 文号 always is', () => {
  const a = info('2024年仲兴乡农村道路建设项目资金使用情况');
  assert.ok(similarInfo(a, info('申请公开仲兴乡2024年农村道路建设项目的资金使用情况')).similar);
  assert.ok(!similarInfo(a, info('仲兴乡2023年城乡居民最低生活保障对象名单')).similar);
  assert.ok(similarInfo(info('通知', '固政〔2024〕3号'), info('那份文件', '固政〔2024〕3号')).similar);
});

describeEachDatabase('repeat-request detection', ({ handle }) => {
  let ctx: AppContext;
  let agencyId = '';
  const other = '11010519800101001';
  const otherId = other + residentIdCheckChar(other);
  before(async () => {
    ctx = testContext(handle(), {
      now: () => new Date('2025-06-02T02:00:00Z'),
      config: testConfig({ REQUEST_REPEAT_WINDOW_DAYS: '90' }),
    });
    agencyId = await makeAgency(ctx);
  });
  const register = (form: Record<string, string>) =>
    registerApplication(ctx, staff(agencyId, 'h', 'case_handler'), agencyId, {
      ...person,
      channel: 'in_person',
      ...form,
    });

  test('same applicant, similar information, within the window — matched by the blind index only', async () => {
    const old = await register({ submittedOn: '2025-01-06' }); // 147 days before: outside 90
    const earlier = await register({ submittedOn: '2025-04-01' });
    const someoneElse = await register({ submittedOn: '2025-04-02', idNumber: otherId });
    const unrelated = await register({ submittedOn: '2025-04-03', infoTitle: '仲兴乡2023年低保对象名单' });
    const now = await register({
      submittedOn: '2025-06-02',
      infoTitle: '仲兴乡2024年农村道路建设项目资金使用情况',
    });
    const row = (await requestsStore.byId(ctx.db, now.caseId))!;
    const found = await earlierSimilarRequests(ctx.db, row, ctx.config.requests.repeatWindowDays);
    assert.deepEqual(
      found.map((f) => f.id),
      [earlier.caseId],
    );
    for (const x of [old, someoneElse, unrelated]) assert.ok(!found.some((f) => f.id === x.caseId));
    // Only stored columns are compared: the sealed applicant is not read.
    assert.ok(!JSON.stringify(found).includes(person.idNumber));
  });
});
