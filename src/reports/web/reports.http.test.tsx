import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { describeEachDatabase } from '../../../test/support/db.js';
import { Browser, csrfOf, demoApp } from '../../../test/support/http.js';
import { agenciesStore } from '../../access/agencies.store.js';
import type { AppContext } from '../../platform/context.js';
import { computeReport } from '../compute-report.js';
import { demo2025Sources } from '../demo/demo-2025.js';
import { ZHONGXING } from '../demo/zhongxing-2020.js';
import { cellsOf, formatOf } from '../model/formats.js';
import { article20Store } from '../stores/article20.store.js';
import { disputesStore } from '../stores/disputes.store.js';
import { table3EntriesStore } from '../stores/table3-entries.store.js';
import { ProvenanceView } from './provenance-view.js';

const listItems = (html: string) => {
  const list = /<ul class="provenance-list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return (list.match(/<li>/g) ?? []).length;
};

void test('provenance: each case-backed cell lists exactly as many cases as its count', async () => {
  const report = await computeReport(ZHONGXING, 2025, demo2025Sources());
  let checked = 0;
  for (const table of ['t3', 't4'] as const) {
    for (const { id } of cellsOf(formatOf(report.format).tables[table])) {
      const p = report.provenance![id]!;
      assert.ok(p.kind === 'cases' || p.kind === 'disputes', `${id} is ${p.kind}`);
      const html = renderToString(<ProvenanceView report={report} cellId={id} />);
      assert.equal(listItems(html), report.tables[table][id], id);
      checked++;
    }
  }
  const t = formatOf('2021').tables;
  assert.equal(checked, cellsOf(t.t3).length + cellsOf(t.t4).length);
});

/** A multipart form as a browser sends it: fields, then one file. */
function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }) {
  const boundary = '----gongkai-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describeEachDatabase('report screens over HTTP', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let zx: string;
  let hugou: string;
  const admin = () => new Browser(app);
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
    zx = (await agenciesStore.byName(ctx.db, '固镇县仲兴乡人民政府'))[0]!.id;
    hugou = (await agenciesStore.byName(ctx.db, '固镇县湖沟镇人民政府'))[0]!.id;
  });
  after(async () => app.close());

  test('the 2020 report page: every cell of the 2019 layout in real tables, every check passed', async () => {
    const b = admin();
    await b.login('zx-admin');
    const list = await b.get('/admin/reports');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /固镇县仲兴乡人民政府/);
    assert.match(list.body, /href="\/admin\/reports"/); // the admin navigation entry
    const page = await b.get(`/admin/reports/${zx}/2020`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /全部检查通过/);
    const cells = Object.values(formatOf('2019').tables).reduce((n, t) => n + cellsOf(t).length, 0);
    assert.equal((page.body.match(/\/cells\//g) ?? []).length, cells);
    assert.match(page.body, /<th scope="colgroup" colspan="5" rowspan="1">法人或其他组织<\/th>/);
    assert.doesNotMatch(page.body, />空</);
  });

  test('a cell page shows where the number comes from: the register, an entered source, the cases', async () => {
    const b = admin();
    await b.login('zx-admin');
    const t4 = formatOf('2021').tables.t4;
    const report = await b.get(`/admin/reports/${zx}/2025`);
    assert.match(report.body, /全部检查通过/);
    for (const { id } of cellsOf(t4)) {
      const res = await b.get(`/admin/reports/${zx}/2025/cells/${encodeURIComponent(id)}`);
      assert.equal(res.statusCode, 200, id);
      const value = Number(/<dd id="cell-value">(\d+)<\/dd>/.exec(res.body)?.[1]);
      assert.equal(listItems(res.body), value, id);
    }
    const fee = await b.get(`/admin/reports/${zx}/2025/cells/${encodeURIComponent('t2.r8.fee:amount')}`);
    assert.match(fee.body, /来源：<strong>演示数据（仲兴乡）<\/strong>/);
    const total = await b.get(`/admin/reports/${zx}/2025/cells/${encodeURIComponent('t3.r1:total')}`);
    // 2025 comes from the requests demo's cases: the cell lists exactly its cases.
    assert.match(total.body, /依申请公开案件/);
    const totalValue = Number(/<dd id="cell-value">(\d+)<\/dd>/.exec(total.body)?.[1]);
    assert.ok(totalValue > 0);
    assert.equal(listItems(total.body), totalValue);
    assert.equal((await b.get(`/admin/reports/${zx}/2025/cells/t9.x:y`)).statusCode, 404);
  });

  test('the table 二 form: bad figures are refused in Chinese and nothing is stored; good ones are', async () => {
    const b = admin();
    await b.login('admin');
    const url = `/admin/reports/${hugou}/2023/article20`;
    const bad = await b.submit(url, url, {
      'v:t2.r6.penalty:decisions': '3',
      'source:t2.r6.penalty': '执法平台',
      'v:t2.r6.coercion:decisions': '两件',
      'source:t2.r6.coercion': '执法平台',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /应为数字/);
    assert.deepEqual(await article20Store.forYear(ctx.db, hugou, 2023), []);
    const good = await b.submit(url, url, {
      'v:t2.r6.penalty:decisions': '3',
      'source:t2.r6.penalty': '执法平台',
    });
    assert.equal(good.statusCode, 303);
    assert.deepEqual((await article20Store.forYear(ctx.db, hugou, 2023))[0]?.values, { decisions: 3 });
  });

  test('the 规范性文件 row is shown as computed from the registry once the agency keeps it here', async () => {
    const b = admin();
    await b.login('admin');
    const form = await b.get(`/admin/reports/${zx}/2025/article20`);
    assert.equal(form.statusCode, 200);
    const row = /<fieldset id="f-t2-r1-normative"[^>]*>([\s\S]*?)<\/fieldset>/.exec(form.body)?.[1] ?? '';
    assert.match(row, /由本平台的规范性文件登记计算/);
    assert.doesNotMatch(row, /name="v:t2\.r1\.normative/, 'not an input of the form');
    // Before the platform (2020) the row is entered as usual.
    const old = await b.get(`/admin/reports/${zx}/2020/article20`);
    assert.match(old.body, /name="v:t2\.r1\.normative:/);
  });

  test('a supervisor reads the figures but cannot change them', async () => {
    const b = admin();
    await b.login('gz-supervisor');
    const form = await b.get(`/admin/reports/${zx}/2020/article20`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="473"/);
    assert.doesNotMatch(form.body, /<button type="submit">保存<\/button>/);
    const res = await b.post(`/admin/reports/${zx}/2020/article20`, {
      _csrf: csrfOf((await b.get('/admin/reports')).body),
      'v:t2.r6.penalty:decisions': '99',
      'source:t2.r6.penalty': 'x',
    });
    assert.equal(res.statusCode, 403);
    assert.equal(
      (await article20Store.forYear(ctx.db, zx, 2020)).find((e) => e.rowId === 't2.r6.penalty')?.values
        .decisions,
      0,
    );
  });

  test('import by upload: the template downloads; a bad file changes nothing; a good one is stored', async () => {
    const b = admin();
    await b.login('admin');
    const base = `/admin/reports/${hugou}/2024/article20`;
    const template = await b.get(`${base}/template.xlsx`);
    assert.equal(template.statusCode, 200);
    assert.equal(template.rawPayload.subarray(0, 2).toString(), 'PK');
    const csrf = csrfOf((await b.get(base)).body);
    const upload = (text: string) =>
      app.inject({
        method: 'POST',
        url: `${base}/import`,
        cookies: { gk_session: b.cookie('gk_session') ?? '' },
        ...multipart({ _csrf: csrf }, { name: 'figures.csv', data: Buffer.from(text) }),
      });
    const header = '行编号,项目,列编号,指标,数值,数据来源\n';
    const bad = await upload(
      `${header}t2.r6.penalty,,decisions,,5,平台\nt2.r6.coercion,,decisions,,abc,平台\n`,
    );
    assert.equal(bad.statusCode, 422, bad.body);
    assert.match(bad.body, /第3行/);
    assert.deepEqual(await article20Store.forYear(ctx.db, hugou, 2024), []);
    const huge = await upload(`${header}${'x'.repeat(6 * 1024 * 1024)}\n`);
    assert.equal(huge.statusCode, 422);
    assert.match(huge.body, /超过 5 MB/);
    const good = await upload(`${header}t2.r6.penalty,,decisions,,5,平台\n`);
    assert.equal(good.statusCode, 303, good.body);
    assert.deepEqual((await article20Store.forYear(ctx.db, hugou, 2024))[0]?.values, { decisions: 5 });
  });

  test('the register: add a dispute, record its decision, add the lawsuit; bad input changes nothing', async () => {
    const b = admin();
    await b.login('admin');
    const url = `/admin/reports/${hugou}/2025/register`;
    const bad = await b.submit(url, url, {
      reference: 'X-1',
      kind: 'reconsideration',
      body: '',
      filedOn: '2025-02-30x',
      result: 'litigation:withdrawn',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /不适用于行政复议/);
    assert.equal((await disputesStore.ofAgency(ctx.db, hugou)).length, 0);
    const added = await b.submit(url, url, {
      reference: '复2025-1',
      kind: 'reconsideration',
      body: '固镇县人民政府',
      filedOn: '2025-02-03',
    });
    assert.equal(added.statusCode, 303);
    const [d] = await disputesStore.ofAgency(ctx.db, hugou);
    assert.ok(d);
    const decided = await b.submit(url, `${url}/${d.id}/decision`, {
      kind: 'reconsideration',
      decidedOn: '2025-03-10',
      result: 'reconsideration:revoked',
    });
    assert.equal(decided.statusCode, 303);
    const sued = await b.submit(url, `${url}/${d.id}/stages`, {
      kind: 'lawsuit',
      body: '蚌埠铁路运输法院',
      filedOn: '2025-03-20',
    });
    assert.equal(sued.statusCode, 303);
    const page = await b.get(
      `/admin/reports/${hugou}/2025/cells/${encodeURIComponent('t4.r1:afterReview.pending')}`,
    );
    assert.match(page.body, /<dd id="cell-value">1<\/dd>/);
    assert.match(page.body, /复2025-1/);
    const stored = await disputesStore.byId(ctx.db, d.id);
    assert.deepEqual(
      stored?.stages.map((s) => [s.kind, s.result ?? null]),
      [
        ['reconsideration', 'revoked'],
        ['lawsuit', null],
      ],
    );
  });

  test('table 三 by hand: a bad count stores nothing; good counts feed the report with their source', async () => {
    const b = admin();
    await b.login('admin');
    const url = `/admin/reports/${hugou}/2022/table3`;
    const bad = await b.submit(url, url, {
      'c:t3.r1:natural': '2',
      'c:t3.r3.1:natural': '1.5',
      source: '台账',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /整数/);
    assert.equal(await table3EntriesStore.get(ctx.db, hugou, 2022), undefined);
    const good = await b.submit(url, url, {
      'c:t3.r1:natural': '2',
      'c:t3.r3.1:natural': '1',
      'c:t3.r4:natural': '1',
      source: '2022年申请登记台账',
    });
    assert.equal(good.statusCode, 303);
    const cell = await b.get(`/admin/reports/${hugou}/2022/cells/${encodeURIComponent('t3.r1:natural')}`);
    assert.match(cell.body, /<dd id="cell-value">2<\/dd>/);
    assert.match(cell.body, /2022年申请登记台账/);
  });
});
