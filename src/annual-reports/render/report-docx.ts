/**
 * The published report as DOCX in official-document layout (GB/T 9704-2012): A4, margins top 37 mm, bottom
 * 35 mm, left 28 mm, right 26 mm; title in 方正小标宋简体 二号 (22 pt), centred; section headings in 黑体 三号;
 * body in 仿宋_GB2312 三号 (16 pt) with a two-character first-line indent; tables in 仿宋 五号 (10.5 pt) with
 * merged header cells as in the form. Fonts are named, not embedded: Word substitutes where they are missing.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { TableJson } from '../../reports/report-json.js';
import { NARRATIVE_PARTS } from '../narrative.js';
import type { ReportSnapshot } from '../snapshot.js';
import { reportTitle } from './report-html.js';
import { headerRows } from '../../reports/model/header-rows.js';

const MM = 56.7; // twips per millimetre
const BODY = 32; // half-points: 16 pt
const TABLE = 21; // 10.5 pt

const run = (text: string, font: string, size: number, bold = false) =>
  new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold });

const body = (text: string) =>
  new Paragraph({
    children: [run(text, '仿宋_GB2312', BODY)],
    indent: { firstLine: 640 },
    spacing: { line: 560 },
  });

const cellOf = (text: string, opts: { columnSpan?: number; rowSpan?: number; bold?: boolean } = {}) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(text, '仿宋_GB2312', TABLE, opts.bold)],
      }),
    ],
    ...(opts.columnSpan && opts.columnSpan > 1 ? { columnSpan: opts.columnSpan } : {}),
    ...(opts.rowSpan && opts.rowSpan > 1 ? { rowSpan: opts.rowSpan } : {}),
  });

const fmt = (v: number | null) => (v === null ? '' : String(v));

function table(t: TableJson): Table {
  const rows: TableRow[] = [];
  if (t.id === 't2') {
    for (const r of t.rows) {
      if (r.heading) {
        const width = (t.rows.find((x) => x.parentId === r.id)?.columns?.length ?? 1) + 1;
        rows.push(new TableRow({ children: [cellOf(r.label, { columnSpan: width, bold: true })] }));
        const cols = t.rows.find((x) => x.parentId === r.id)?.columns ?? [];
        rows.push(
          new TableRow({
            children: [
              cellOf('信息内容', { bold: true }),
              ...cols.map((c) => cellOf(c.label, { bold: true })),
            ],
          }),
        );
      } else {
        rows.push(new TableRow({ children: [cellOf(r.label), ...r.values.map((v) => cellOf(fmt(v)))] }));
      }
    }
  } else {
    const cols = t.columns ?? [];
    const header = headerRows(cols);
    const labelled = t.rows.some((r) => r.label !== '');
    header.forEach((cells, i) => {
      rows.push(
        new TableRow({
          tableHeader: true,
          children: [
            ...(labelled && i === 0
              ? [cellOf(t.note ?? '项目', { rowSpan: header.length, bold: true })]
              : []),
            ...cells.map((c) => cellOf(c.label, { columnSpan: c.colSpan, rowSpan: c.rowSpan, bold: true })),
          ],
        }),
      );
    });
    for (const r of t.rows) {
      rows.push(
        new TableRow({
          children: r.heading
            ? [cellOf(r.label, { columnSpan: cols.length + 1, bold: true })]
            : [...(labelled ? [cellOf(r.label)] : []), ...r.values.map((v) => cellOf(fmt(v)))],
        }),
      );
    }
  }
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

export async function reportToDocx(s: ReportSnapshot): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [run(reportTitle(s), '方正小标宋简体', 44)],
    }),
    body(
      `本报告根据《中华人民共和国政府信息公开条例》第四十九条、第五十条和${s.report.formatBasis}的格式编制，所列数据统计期限为${s.report.year}年1月1日至${s.report.year}年12月31日。`,
    ),
  ];
  for (const sec of s.report.sections) {
    children.push(new Paragraph({ indent: { firstLine: 640 }, children: [run(sec.label, '黑体', BODY)] }));
    for (const p of NARRATIVE_PARTS.filter((x) => x.section === sec.id)) {
      children.push(
        new Paragraph({ indent: { firstLine: 640 }, children: [run(p.label, '楷体_GB2312', BODY)] }),
      );
      for (const line of (s.narrative[p.id] || '无。').split(/\n+/).filter(Boolean))
        children.push(body(line));
    }
    const t = sec.table ? s.report.tables.find((x) => x.id === sec.table) : undefined;
    if (t) {
      children.push(
        new Paragraph({ alignment: AlignmentType.CENTER, children: [run(t.title, '黑体', TABLE)] }),
      );
      children.push(table(t));
    }
  }
  const doc = new Document({
    creator: s.report.agency.name,
    title: reportTitle(s),
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
