import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import mammoth from 'mammoth';
import { renderToString } from 'preact-render-to-string';
import { runChecks } from '../../reports/checks/run-checks.js';
import { computeReport } from '../../reports/compute-report.js';
import { demo2025Sources } from '../../reports/demo/demo-2025.js';
import { ZHONGXING } from '../../reports/demo/zhongxing-2020.js';
import { emptyNarrative } from '../narrative.js';
import { makeSnapshot, parseSnapshot } from '../snapshot.js';
import { ReportDocument } from './report-html.js';
import { reportToDocx } from './report-docx.js';
import { cjkFont, reportToPdf } from './report-pdf.js';
import { reportToMarkdown } from './report-markdown.js';
import { headerRows } from '../../reports/model/header-rows.js';

async function snapshot() {
  const report = await computeReport(ZHONGXING, 2025, demo2025Sources());
  const narrative = {
    ...emptyNarrative(),
    's1.proactive': '主动公开正文。',
    's6.fees': '本年度未收取信息处理费。',
  };
  return parseSnapshot(makeSnapshot(report, runChecks(report), narrative).text);
}

describe('report outputs', () => {
  it("merges table 三's headers as the form does: 申请人情况 over 7, 法人或其他组织 over 5", async () => {
    const s = await snapshot();
    const rows = headerRows(s.report.tables.find((t) => t.id === 't3')!.columns!);
    assert.deepEqual(
      rows.map((r) => r.map((c) => `${c.label}:${c.colSpan}x${c.rowSpan}`)),
      [
        ['申请人情况:7x1'],
        ['自然人:1x2', '法人或其他组织:5x1', '总计:1x2'],
        ['商业企业:1x1', '科研机构:1x1', '社会公益组织:1x1', '法律服务机构:1x1', '其他:1x1'],
      ],
    );
  });

  it('HTML has real tables with every table 三 figure, and the narrative', async () => {
    const s = await snapshot();
    const html = renderToString(<ReportDocument snapshot={s} />);
    assert.equal(html.match(/<table/g)?.length, 3);
    assert.ok(!html.includes('<img'));
    const received = s.report.tables.find((t) => t.id === 't3')!.rows[0]!.values;
    assert.ok(
      html.includes(
        `<th scope="row">一、本年新收政府信息公开申请数量</th>${received.map((v) => `<td>${v}</td>`).join('')}`,
      ),
    );
    assert.ok(html.includes('主动公开正文。'));
  });

  it('DOCX parses back with the title, narrative and table figures', async () => {
    const s = await snapshot();
    const buffer = await reportToDocx(s);
    const { value } = await mammoth.extractRawText({ buffer });
    assert.ok(value.includes('固镇县仲兴乡人民政府2025年政府信息公开工作年度报告'));
    assert.ok(value.includes('本年度未收取信息处理费。'));
    assert.ok(value.includes('1.属于国家秘密'));
    const { value: html } = await mammoth.convertToHtml({ buffer });
    assert.equal(html.match(/<table>/g)?.length, 3);
  });

  it(
    'PDF (with a CJK font) parses back with the title and table 三 labels',
    { skip: !cjkFont() && 'no CJK font' },
    async () => {
      const pdf = await reportToPdf(await snapshot());
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
      let text = '';
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        text += content.items.map((x) => ('str' in x ? x.str : '')).join('');
      }
      assert.ok(text.includes('固镇县仲兴乡人民政府2025年政府信息公开工作年度报告'), text.slice(0, 200));
      assert.ok(text.includes('本年新收政府信息公开申请数量'));
    },
  );

  it('Markdown lists the six sections and the tables', async () => {
    const md = reportToMarkdown(await snapshot());
    assert.equal(md.match(/^## /gm)?.length, 6);
    assert.ok(md.includes('| 一、本年新收政府信息公开申请数量 |'));
  });
});
