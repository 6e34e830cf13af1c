import { test } from 'node:test';
import assert from 'node:assert/strict';
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { readDocument, sniff } from './read-document.js';
import { lineText, type ReadDocument } from './document.js';
import { publishedBytes, SEED, QIANJIANG } from '../testing.js';

const enc = (s: string) => new TextEncoder().encode(s);
const rowOf = (doc: ReadDocument, first: string) =>
  doc.lines.find((l) => l.cells[0]?.text === first)?.cells.map((c) => c.text);

void test('the seed: tab-separated rows keep their cells and line numbers', async () => {
  const doc = await readDocument(publishedBytes(SEED), SEED);
  assert.equal(doc.source, 'text');
  assert.equal(doc.encoding, 'utf-8');
  const row = doc.lines.find((l) => l.cells[0]?.text === '政府集中采购');
  assert.deepEqual(
    row?.cells.map((c) => c.text),
    ['政府集中采购', '3', '63.79 万元'],
  );
  assert.equal(row?.pos.line, 57);
  const secret = doc.lines.find((l) => l.cells.some((c) => c.text === '1. 属于国家秘密'));
  assert.equal(secret?.pos.line, 69);
  assert.equal(secret?.cells[3]?.pos.cell, 4);
});

void test('pipe-separated rows broken across lines are joined (潜江 fixture)', async () => {
  const doc = await readDocument(publishedBytes(QIANJIANG), QIANJIANG);
  const header = doc.lines.find((l) => l.pos.line === 17);
  assert.deepEqual(
    header?.cells.map((c) => c.text),
    ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  );
});

void test('space-separated rows: trailing values are split off the label', async () => {
  const doc = await readDocument(
    enc('规章 0 0 0\n政府集中采购 3 63.79 万元\n共发布信息 869 条。\n1. 属于国家秘密'),
    'a.txt',
  );
  assert.deepEqual(rowOf(doc, '规章'), ['规章', '0', '0', '0']);
  assert.deepEqual(rowOf(doc, '政府集中采购'), ['政府集中采购', '3', '63.79 万元']);
  assert.equal(doc.lines[2]?.cells.length, 1);
  assert.equal(doc.lines[3]?.cells.length, 1);
});

void test('GB18030 bytes are decoded', async () => {
  // "规章" in GBK is B9 E6 D5 C2.
  const bytes = new Uint8Array([0xb9, 0xe6, 0xd5, 0xc2, 0x09, 0x30]);
  const doc = await readDocument(bytes, 'x.txt');
  assert.equal(doc.encoding, 'gb18030');
  assert.deepEqual(rowOf(doc, '规章'), ['规章', '0']);
});

void test('traditional text is converted and noted', async () => {
  const doc = await readDocument(enc('一、總體情況\n1.屬於國家秘密\t0\t0'), 't.txt');
  assert.equal(lineText(doc.lines[0]!), '一、总体情况');
  assert.ok(doc.notes.some((n) => n.code === 'document.traditional'));
});

void test('HTML tables become rows; entities and nested markup are decoded', async () => {
  const html = `<html><head><meta charset="utf-8"><title>某局2021年政府信息公开工作年度报告</title>
<style>td{color:red}</style></head><body>
<p>一、总体情况</p><p>本机关&nbsp;共收到申请&lt;3&gt;件。</p>
<table><tr><td colspan="2">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td><span>规章</span></td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政<br>规范性文件</td><td>3</td><td></td><td>12</td></tr></table>
<p>五、存在的主要问题及改进情况</p></body></html>`;
  const doc = await readDocument(enc(html), 'r.html');
  assert.equal(doc.source, 'html');
  assert.equal(lineText(doc.lines[0]!), '某局2021年政府信息公开工作年度报告');
  assert.ok(doc.lines.some((l) => lineText(l) === '本机关 共收到申请<3>件。'));
  assert.deepEqual(rowOf(doc, '规章'), ['规章', '0', '0', '0']);
  assert.deepEqual(rowOf(doc, '行政 规范性文件'), ['行政 规范性文件', '3', '', '12']);
  assert.equal(doc.lines.find((l) => l.cells[0]?.text === '规章')?.pos.line, 6);
});

void test('HTML without tables is split like plain text (flattened tables)', async () => {
  const doc = await readDocument(enc('<div><p>规章 0 0 0</p><p>信息内容</p></div>'), 'flat.html');
  assert.deepEqual(rowOf(doc, '规章'), ['规章', '0', '0', '0']);
});

void test('DOCX paragraphs and tables', async () => {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const d = new Document({
    sections: [
      {
        children: [
          new Paragraph('某乡人民政府2021年政府信息公开工作年度报告'),
          new Table({ rows: [new TableRow({ children: [cell('规章'), cell('0'), cell('0'), cell('0')] })] }),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(d));
  assert.equal(sniff(bytes, 'x.docx'), 'docx');
  const doc = await readDocument(bytes, 'x.docx');
  assert.equal(doc.source, 'docx');
  assert.equal(lineText(doc.lines[0]!), '某乡人民政府2021年政府信息公开工作年度报告');
  assert.deepEqual(rowOf(doc, '规章'), ['规章', '0', '0', '0']);
});

async function pdf(draw: (d: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const d = new PDFDocument();
  const chunks: Buffer[] = [];
  d.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => d.on('end', r));
  draw(d);
  d.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

void test('PDF text layer: a wide gap separates cells', async () => {
  const bytes = await pdf((d) => {
    d.text('Report 2021', 50, 50);
    d.text('row', 50, 100);
    d.text('42', 300, 100);
  });
  const doc = await readDocument(bytes, 'r.pdf');
  assert.equal(doc.source, 'pdf');
  assert.deepEqual(rowOf(doc, 'row'), ['row', '42']);
  assert.equal(doc.lines[1]?.pos.page, 1);
});

void test('an image-only PDF is reported as such, not as an empty report', async () => {
  const bytes = await pdf((d) => {
    d.rect(50, 50, 200, 100).fill('#888');
  });
  const doc = await readDocument(bytes, 'scan.pdf');
  assert.equal(doc.lines.length, 0);
  assert.deepEqual(
    doc.notes.map((n) => n.code),
    ['document.image_only'],
  );
});

void test('a broken PDF is unreadable, not a crash', async () => {
  const doc = await readDocument(enc('%PDF-1.4 garbage'), 'bad.pdf');
  assert.deepEqual(
    doc.notes.map((n) => n.code),
    ['document.unreadable'],
  );
});

void test('.doc/.wps: UTF-16LE text is recovered approximately, or reported unreadable', async () => {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const body = Buffer.from('一、总体情况\r规章\x070\x070\x070\x07\r', 'utf16le');
  const doc = await readDocument(new Uint8Array([...magic, 0, 0, 0, 0, 0, 0, 0, 0, ...body]), 'old.doc');
  assert.equal(doc.source, 'doc');
  assert.ok(doc.lines.some((l) => lineText(l) === '一、总体情况'));
  assert.deepEqual(rowOf(doc, '规章'), ['规章', '0', '0', '0']);
  assert.ok(doc.notes.some((n) => n.code === 'document.partly_read'));
  const empty = await readDocument(new Uint8Array([...magic, 1, 2, 3]), 'old.wps');
  assert.deepEqual(
    empty.notes.map((n) => n.code),
    ['document.unreadable'],
  );
});
