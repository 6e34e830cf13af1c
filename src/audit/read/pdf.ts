/**
 * PDF with a text layer → lines of cells (pdfjs-dist legacy build, which runs in Node without a worker
 * thread). Text items on the same baseline form a line; a wide horizontal gap starts a new cell, which is
 * how table columns survive. A PDF whose pages carry no text is a scan: it is reported as
 * `document.image_only`, never audited as an empty report.
 */
import { foldWidth, toSimplified } from './normalise.js';
import type { Cell, Line, ReadDocument, ReadNote } from './document.js';
import { LimitExceeded, type ParseLimits } from '../../platform/sandbox/limits.js';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Refused before any page is parsed when the PDF has more pages than the limit; stops at the text limit. */
export async function readPdf(bytes: Uint8Array, limits: ParseLimits): Promise<ReadDocument> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs detaches the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    verbosity: 0,
    useSystemFonts: false,
  });
  const pdf = await task.promise;
  const lines: Line[] = [];
  const notes: ReadNote[] = [];
  const emptyPages: number[] = [];
  let lineNo = 0;
  let chars = 0;
  try {
    if (pdf.numPages > limits.maxPdfPages) throw new LimitExceeded('maxPdfPages', limits);
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        chars += it.str.length;
        const t = it.transform as number[];
        items.push({
          str: it.str,
          x: t[4] ?? 0,
          y: t[5] ?? 0,
          w: it.width,
          h: it.height || Math.abs(t[3] ?? 10),
        });
      }
      if (chars > limits.maxTextChars) throw new LimitExceeded('maxTextChars', limits);
      if (!items.some((i) => i.str.trim() !== '')) {
        emptyPages.push(p);
        continue;
      }
      for (const row of groupRows(items)) {
        lineNo++;
        const cells: Cell[] = [];
        let cur = '';
        let end = -Infinity;
        for (const it of row) {
          const gap = it.x - end;
          const wide = gap > Math.max(8, it.h * 1.5);
          if (it.str.trim() === '') {
            continue;
          }
          if (cur !== '' && wide) {
            cells.push({ text: cur.trim(), pos: { line: lineNo, page: p, cell: cells.length + 1 } });
            cur = '';
          }
          cur += (cur !== '' && gap > it.h * 0.3 ? ' ' : '') + it.str;
          end = it.x + it.w;
        }
        if (cur.trim() !== '')
          cells.push({ text: cur.trim(), pos: { line: lineNo, page: p, cell: cells.length + 1 } });
        if (cells.length === 0) continue;
        for (const c of cells) c.text = foldWidth(toSimplified(c.text).text);
        lines.push({ cells, kind: cells.length > 1 ? 'row' : 'text', pos: { line: lineNo, page: p } });
      }
    }
  } finally {
    await pdf.destroy();
  }
  if (lines.length === 0) {
    notes.push({
      code: 'document.image_only',
      message: 'PDF 没有文字层（扫描件或图片），无法读取内容，未能审查。',
    });
  } else if (emptyPages.length > 0) {
    notes.push({
      code: 'document.partly_read',
      message: `PDF 第 ${emptyPages.join('、')} 页没有文字层（图片），这些页的内容未能审查。`,
    });
  }
  return { source: 'pdf', lines, notes };
}

/** Group items into visual lines by baseline (top to bottom), each sorted left to right. */
function groupRows(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  let cur: Item[] = [];
  let y = NaN;
  for (const it of sorted) {
    if (cur.length > 0 && Math.abs(it.y - y) > Math.max(2, it.h * 0.4)) {
      rows.push(cur.sort((a, b) => a.x - b.x));
      cur = [];
    }
    if (cur.length === 0) y = it.y;
    cur.push(it);
  }
  if (cur.length > 0) rows.push(cur.sort((a, b) => a.x - b.x));
  return rows;
}
