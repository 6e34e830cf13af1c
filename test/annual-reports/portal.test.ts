/** The public 政府信息公开年报 column on both databases, with the demo's published 2020 report. */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import mammoth from 'mammoth';
import type { FastifyInstance } from 'fastify';
import { digestOf } from '../../src/annual-reports/snapshot.js';
import { cjkFont } from '../../src/annual-reports/render/report-pdf.js';
import { describeEachDatabase } from '../support/db.js';
import { demoApp } from '../support/http.js';

describeEachDatabase('annual report portal', ({ handle }) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await demoApp(handle()));
  });

  it('lists the published 2020 report, not the 2025 draft; the nav shows 年报 only where one is published', async () => {
    const list = await app.inject('/zhongxing/xxgk/ndbg/');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes('href="/zhongxing/xxgk/ndbg/2020"'));
    assert.ok(!list.body.includes('ndbg/2025'));
    assert.equal((await app.inject('/zhongxing/xxgk/ndbg/2025')).statusCode, 404);
    assert.ok((await app.inject('/zhongxing/')).body.includes('政府信息公开年报'));
    assert.ok(!(await app.inject('/hugou/')).body.includes('政府信息公开年报'));
  });

  it('shows the 2020 report with real tables in the 2019 format, and its digest', async () => {
    const page = await app.inject('/zhongxing/xxgk/ndbg/2020');
    assert.equal(page.statusCode, 200);
    assert.equal(page.body.match(/<table class="report-table"/g)?.length, 3);
    assert.ok(page.body.includes('上一年项目数量'));
    const json = await app.inject('/zhongxing/xxgk/ndbg/2020.json');
    assert.ok(page.body.includes(digestOf(json.body)));
    assert.equal(JSON.parse(json.body).report.format, '2019');
  });

  it('serves DOCX that parses back, and Markdown', async () => {
    const docx = await app.inject('/zhongxing/xxgk/ndbg/2020.docx');
    assert.equal(docx.statusCode, 200);
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    assert.ok(value.includes('固镇县仲兴乡人民政府2020年政府信息公开工作年度报告'));
    const pdf = await app.inject('/zhongxing/xxgk/ndbg/2020.pdf');
    assert.equal(pdf.statusCode, cjkFont() ? 200 : 404);
    const md = await app.inject('/zhongxing/xxgk/ndbg/2020.md');
    assert.ok(md.body.startsWith('# 固镇县仲兴乡人民政府2020年'));
  });
});
