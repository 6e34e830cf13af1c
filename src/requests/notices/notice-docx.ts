/**
 * A notice as DOCX in the official-document layout of GB/T 9704-2012: A4; margins top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm; body in 3号 仿宋 (16 pt) with 22 lines per page (exact line pitch = type area
 * height / 22); title in 2号 小标宋 (22 pt), centred. Fonts are named in the file; the reader substitutes.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import type { NoticeText } from './notice-content.js';

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

export const GEOMETRY = {
  pageWidth: mm(210),
  pageHeight: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  /** 22 lines in the 225 mm type area. */
  linePitch: Math.floor(mm(297 - 37 - 35) / 22),
} as const;

const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const BODY_HALF_POINTS = 32; // 3号 = 16 pt
const TITLE_HALF_POINTS = 44; // 2号 = 22 pt

const run = (text: string, title = false) =>
  new TextRun({
    text,
    font: {
      ascii: title ? TITLE_FONT : BODY_FONT,
      eastAsia: title ? TITLE_FONT : BODY_FONT,
      hAnsi: title ? TITLE_FONT : BODY_FONT,
    },
    size: title ? TITLE_HALF_POINTS : BODY_HALF_POINTS,
  });
const spacing = { line: GEOMETRY.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export async function noticeDocx(n: NoticeText): Promise<Buffer> {
  const body = (
    text: string,
    indent = true,
    align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.JUSTIFIED,
  ) =>
    new Paragraph({
      children: [run(text)],
      spacing,
      alignment: align,
      indent: indent ? { firstLine: 640 } : undefined,
    });
  const doc = new Document({
    creator: 'Gongkai',
    title: n.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: GEOMETRY.pageWidth, height: GEOMETRY.pageHeight },
            margin: {
              top: GEOMETRY.top,
              bottom: GEOMETRY.bottom,
              left: GEOMETRY.left,
              right: GEOMETRY.right,
            },
          },
        },
        children: [
          new Paragraph({ children: [run(n.title, true)], alignment: AlignmentType.CENTER, spacing }),
          body(n.docNo, false, AlignmentType.CENTER),
          body('', false),
          body(n.addressee, false, AlignmentType.LEFT),
          ...n.paragraphs.map((t) => body(t)),
          body('', false),
          body(n.signature, false, AlignmentType.RIGHT),
          body(n.date, false, AlignmentType.RIGHT),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
