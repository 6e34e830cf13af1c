/** HTTP: the 考核评分表 screens — configure, compute, breakdown, manual score with evidence, XLSX export. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { agenciesStore } from '../../src/access/agencies.store.js';
import type { AppContext } from '../../src/platform/context.js';
import { supervisionStore } from '../../src/supervision/supervision.store.js';
import { loadScorecard } from '../../src/supervision/scorecard/configure-scorecard.js';
import { scorecardStore } from '../../src/supervision/scorecard/scorecard.store.js';
import { DEMO_SCORECARD_YEAR } from '../../src/supervision/scorecard/demo-scorecard.js';
import { SESSION_COOKIE } from '../../src/web/app.js';
import { describeEachDatabase } from '../support/db.js';
import { Browser, csrfOf, demoApp } from '../support/http.js';

type Part = string | { fileName: string; data: Buffer };

function multipart(parts: Record<string, Part>): { payload: Buffer; contentType: string } {
  const boundary = '----gongkaiScorecardBoundary';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string')
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    else
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        value.data,
        Buffer.from('\r\n'),
      );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const weights = {
  weight_art26: '20',
  fullAt_art26: '100',
  zeroBelow_art26: '60',
  weight_requests: '20',
  fullAt_requests: '100',
  zeroBelow_requests: '60',
  weight_messages: '15',
  fullAt_messages: '100',
  zeroBelow_messages: '60',
  weight_annualReport: '10',
  fullAt_annualReport: '100',
  zeroBelow_annualReport: '0',
  weight_columns: '15',
  fullAt_columns: '100',
  zeroBelow_columns: '50',
  weight_institution: '10',
  weight_training: '10',
  excellent: '90',
  good: '80',
  pass: '60',
};

describeEachDatabase('HTTP: assessment scorecard screens', ({ handle }) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let office = '';
  let zhongxing = '';
  // A year the demo does not assess (it computes DEMO_SCORECARD_YEAR), so this test starts from the default.
  const year = String(DEMO_SCORECARD_YEAR - 1);
  before(async () => {
    ({ app, ctx } = await demoApp(handle()));
    const all = await agenciesStore.all(ctx.db);
    const zx = all.find((a) => a.pathSegment === 'zhongxing')!;
    zhongxing = zx.id;
    office = zx.supervisorId!; // the county's 政务公开办, where gz-supervisor works
  });

  test('configure (bad input refused, nothing stored), compute, view, export', async () => {
    const sup = new Browser(app);
    await sup.login('gz-supervisor');
    const url = `/admin/supervision/scorecard?year=${year}&office=${office}`;
    const page = await sup.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /默认评分表/);

    const form = { officeId: office, year, ...weights };
    const bad = await sup.submit(url, '/admin/supervision/scorecard/config', { ...form, weight_art26: '25' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /error-summary/);
    assert.match(bad.body, /各项分值合计应为 100，现为 105/);
    const bad2 = await sup.submit(url, '/admin/supervision/scorecard/config', {
      ...form,
      zeroBelow_columns: '100',
      good: '95',
      newLabel: '',
      newWeight: '5',
    });
    assert.equal(bad2.statusCode, 422);
    assert.match(bad2.body, /零分线应为小于满分线的百分数/);
    assert.match(bad2.body, /优秀 &gt; 良好 &gt; 合格|优秀 > 良好 > 合格/);
    assert.match(bad2.body, /新增人工评分项目的名称/);
    assert.equal((await loadScorecard(ctx.db, office, Number(year))).id, '', 'nothing stored');

    const saved = await sup.submit(url, '/admin/supervision/scorecard/config', {
      ...form,
      weight_training: '5',
      newLabel: '政务公开专栏建设',
      newWeight: '5',
    });
    assert.equal(saved.statusCode, 303);
    const sc = await loadScorecard(ctx.db, office, Number(year));
    assert.deepEqual(
      sc.measures.map((m) => m.weight),
      [20, 20, 15, 10, 15, 10, 5, 5],
    );

    const badYear = await sup.submit(url, '/admin/supervision/scorecard/compute', {
      officeId: office,
      year: '25',
    });
    assert.equal(badYear.statusCode, 422);
    assert.match(badYear.body, /请填写考核年度/);
    const otherOffice = await sup.submit(url, '/admin/supervision/scorecard/compute', {
      officeId: zhongxing,
      year,
    });
    assert.equal(otherOffice.statusCode, 422);
    assert.match(otherOffice.body, /请选择负责考核的主管部门/);
    assert.equal(await supervisionStore.assessment(ctx.db, zhongxing, Number(year)), undefined);
    const computed = await sup.submit(url, '/admin/supervision/scorecard/compute', {
      officeId: office,
      year,
    });
    assert.equal(computed.statusCode, 303);
    const results = await sup.get(url);
    assert.match(results.body, /导出考核结果/);
    const assessment = (await supervisionStore.assessment(ctx.db, zhongxing, Number(year)))!;
    assert.ok(assessment, 'the total is recorded as the assessment result');

    const detailUrl = `/admin/supervision/scorecard/agency/${zhongxing}?year=${year}&office=${office}`;
    const detail = await sup.get(detailUrl);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /第二十六条/);
    assert.match(detail.body, /单项否决第3项/);

    const post = async (parts: Record<string, Part>) => {
      const token = csrfOf((await sup.get(detailUrl)).body);
      const { payload, contentType } = multipart({ _csrf: token, ...parts });
      return app.inject({
        method: 'POST',
        url: '/admin/supervision/scorecard/manual',
        payload,
        headers: { 'content-type': contentType },
        cookies: { [SESSION_COOKIE]: sup.cookie(SESSION_COOKIE)! },
      });
    };
    const base = { officeId: office, year, agencyId: zhongxing, code: 'institution' };
    const refused = await post({
      ...base,
      points: '12',
      note: '',
      evidence: { fileName: 'x.pdf', data: Buffer.from('MZ executable') },
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /得分应为 0 至 10/);
    assert.match(refused.body, /附件只能是 PDF、PNG 或 JPG 格式/);
    const noEvidence = await post({ ...base, points: '9', note: '' });
    assert.equal(noEvidence.statusCode, 422);
    assert.match(noEvidence.body, /请上传佐证材料或填写评分说明/);
    assert.equal((await scorecardStore.manualScores(ctx.db, sc.id)).length, 0, 'nothing stored');
    const pdf = Buffer.from('%PDF-1.7 仲兴乡政务公开制度汇编');
    const ok = await post({
      ...base,
      points: '9',
      note: '制度健全',
      evidence: { fileName: '制度.pdf', data: pdf },
    });
    assert.equal(ok.statusCode, 303);
    const evidence = await sup.get(
      `/admin/supervision/scorecard/evidence/${zhongxing}/institution?year=${year}&office=${office}`,
    );
    assert.equal(evidence.statusCode, 200);
    assert.deepEqual(evidence.rawPayload, pdf);
    await sup.submit(url, '/admin/supervision/scorecard/compute', { officeId: office, year });

    const xlsx = await sup.get(`/admin/supervision/scorecard/export.xlsx?year=${year}&office=${office}`);
    assert.equal(xlsx.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('考核结果')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header.slice(0, 4), ['名次', '单位', '总分', '等次']);
    assert.equal(header[4], '主动公开信息20个工作日内公开（20分）');
    assert.equal(header.length, 4 + sc.measures.length);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && typeof row.getCell(1).value === 'number') rows.push((row.values as unknown[]).slice(1));
    });
    const covered = (await agenciesStore.all(ctx.db)).filter((a) => a.supervisorId === office);
    assert.ok(rows.length >= covered.length);
    const zx = rows.find((r) => r[1] === '固镇县仲兴乡人民政府' || String(r[1]).includes('仲兴'))!;
    const recorded = (await supervisionStore.assessment(ctx.db, zhongxing, Number(year)))!;
    assert.equal(zx[2], recorded.score);
    assert.equal(zx[4 + 5], 9, 'the manual points are in the institution column');
    const detailSheet = book.getWorksheet('评分明细')!;
    assert.equal(detailSheet.rowCount - 1, rows.length * sc.measures.length);

    // Another agency's staff cannot open the screens.
    const township = new Browser(app);
    await township.login('zx-admin');
    assert.equal((await township.get(url)).statusCode, 404);
  });
});
