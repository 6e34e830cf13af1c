/**
 * The published report as PDF (pdfkit) with a CJK font found on the system (Noto Serif CJK, as Debian's
 * fonts-noto-cjk installs it); without one, PDF output is refused with a clear message. A4 with GB/T 9704
 * margins; tables drawn as ruled grids with the form's row and column labels (group labels joined with "·").
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { DomainError } from '../../platform/errors.js';
import type { TableJson } from '../../reports/report-json.js';
import { NARRATIVE_PARTS } from '../narrative.js';
import type { ReportSnapshot } from '../snapshot.js';
import { reportTitle } from './report-html.js';

const FONTS = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
];
const MM = 72 / 25.4;

export function cjkFont(): { path: string; family: string } | undefined {
  return FONTS.find((f) => existsSync(f.path));
}

type Doc = InstanceType<typeof PDFDocument>;

function grid(doc: Doc, header: string[], rows: string[][], widths: number[], size: number) {
  const left = doc.page.margins.left;
  const draw = (cells: string[], bold: boolean) => {
    doc.fontSize(size);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }));
    const h = Math.max(...heights) + 4;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i]!, h).stroke();
      doc.text(c, x + 2, y + 2, { width: widths[i]! - 4, align: i === 0 && !bold ? 'left' : 'center' });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + h;
  };
  draw(header, true);
  for (const r of rows) draw(r, false);
}

const fmt = (v: number | null) => (v === null ? '' : String(v));

function table(doc: Doc, t: TableJson, width: number) {
  doc.fontSize(11).text(t.title, { align: 'center' });
  if (t.id === 't2') {
    for (const r of t.rows.filter((x) => !x.heading)) {
      const cols = r.columns ?? [];
      const parent = t.rows.find((x) => x.id === r.parentId)?.label ?? '';
      const first = width * 0.35;
      const rest = (width - first) / Math.max(1, cols.length);
      grid(
        doc,
        [parent, ...cols.map((c) => c.label)],
        [[r.label, ...r.values.map(fmt)]],
        [first, ...cols.map(() => rest)],
        8,
      );
    }
    return;
  }
  const cols = t.columns ?? [];
  const labelled = t.rows.some((r) => r.label !== '');
  const first = labelled ? width * 0.32 : 0;
  const rest = (width - first) / cols.length;
  const widths = [...(labelled ? [first] : []), ...cols.map(() => rest)];
  const header = [...(labelled ? ['项目'] : []), ...cols.map((c) => [...c.groups, c.label].join('·'))];
  const rows = t.rows.map((r) =>
    r.heading ? [r.label, ...cols.map(() => '')] : [...(labelled ? [r.label] : []), ...r.values.map(fmt)],
  );
  grid(doc, header, rows, widths, labelled ? 7 : 6);
}

export function reportToPdf(s: ReportSnapshot): Promise<Buffer> {
  const font = cjkFont();
  if (!font)
    throw new DomainError(
      'report.pdf_unavailable',
      '服务器上没有中文字体（如 Noto Serif CJK），无法生成 PDF。',
    );
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
    info: { Title: reportTitle(s), Author: s.report.agency.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(font.path, font.family);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.fontSize(22).text(reportTitle(s), { align: 'center' }).moveDown();
  const para = (text: string) => doc.fontSize(16).text(text, { indent: 32, lineGap: 6, align: 'justify' });
  para(
    `本报告根据《中华人民共和国政府信息公开条例》第四十九条、第五十条和${s.report.formatBasis}的格式编制，所列数据统计期限为${s.report.year}年1月1日至${s.report.year}年12月31日。`,
  );
  for (const sec of s.report.sections) {
    doc.moveDown(0.5).fontSize(16).text(sec.label, { indent: 32 });
    for (const p of NARRATIVE_PARTS.filter((x) => x.section === sec.id)) {
      doc.fontSize(16).text(p.label, { indent: 32 });
      for (const line of (s.narrative[p.id] || '无。').split(/\n+/).filter(Boolean)) para(line);
    }
    const t = sec.table ? s.report.tables.find((x) => x.id === sec.table) : undefined;
    if (t) table(doc, t, width);
  }
  doc.end();
  return done;
}
