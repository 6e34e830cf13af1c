import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import { addCalendarDays } from '../../src/calendar/dates.js';
import { legalToday } from '../../src/calendar/legal-day.js';
import type { AppContext } from '../../src/platform/context.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, demoApp } from '../support/http.js';

describeEachDatabase('HTTP: assessment and accountability screens', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
  });

  test('the supervisor records a result and a case; the township reports; the supervisor accepts', async () => {
    const zhongxing = (await agenciesStore.all(ctx.db)).find((a) => a.pathSegment === 'zhongxing')!;
    const today = legalToday(ctx);
    const year = today.slice(0, 4);
    const sup = new Browser(app);
    await sup.login('gz-supervisor');
    const url = `/admin/accountability?year=${year}`;
    const bad = await sup.submit(url, `/admin/accountability/assessment?year=${year}`, {
      agencyId: zhongxing.id,
      year,
      score: '120',
      grade: '',
      summary: '',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /考核得分应为 0 至 100/);
    const ok = await sup.submit(url, `/admin/accountability/assessment?year=${year}`, {
      agencyId: zhongxing.id,
      year,
      score: '88',
      grade: 'good',
      summary: '总体较好',
    });
    assert.equal(ok.statusCode, 303);
    const opened = await sup.submit(url, `/admin/accountability/cases?year=${year}`, {
      agencyId: zhongxing.id,
      source: 'rating',
      problem: '政策解读不足',
      responsible: '仲兴乡党政办公室',
      measure: '限期整改',
      reportDueOn: addCalendarDays(today, 20),
    });
    assert.equal(opened.statusCode, 303);
    const listed = await sup.get(url);
    assert.match(listed.body, /良好/);
    assert.match(listed.body, /待整改/);
    const caseId = /cases\/([\w-]+)\//.exec(listed.body)?.[1];
    assert.equal(caseId, undefined); // the supervisor cannot report for the township

    const township = new Browser(app);
    await township.login('zx-admin');
    const page = await township.get(url);
    const id = /accountability\/cases\/([\w-]+)\/report/.exec(page.body)![1]!;
    const empty = await township.submit(url, `/admin/accountability/cases/${id}/report?year=${year}`, {
      reportText: '',
    });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请填写整改情况书面报告/);
    assert.equal(
      (
        await township.submit(url, `/admin/accountability/cases/${id}/report?year=${year}`, {
          reportText: '已补充发布解读3篇。',
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (await sup.submit(url, `/admin/accountability/cases/${id}/review?year=${year}`, { accept: 'yes' }))
        .statusCode,
      303,
    );
    assert.match((await sup.get(url)).body, /整改验收通过/);
  });
});
