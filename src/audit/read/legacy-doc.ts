/**
 * Old binary Word (.doc) and WPS (.wps) files. No library for these formats is available to the project,
 * so the text is recovered heuristically: both store Chinese text as UTF-16LE runs inside an OLE2
 * container, with \r between paragraphs and \x07 at the end of each table cell. What this recovers is
 * audited, and the result always says that the file was read approximately (`document.partly_read`);
 * when nothing is recovered, the file is `document.unreadable`.
 */
import { readText } from './text.js';
import type { ReadDocument } from './document.js';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
}

function isTextUnit(c: number): boolean {
  return (
    isCjk(c) ||
    (c >= 0x20 && c < 0x7f) ||
    c === 0x0d ||
    c === 0x07 ||
    c === 0x09 ||
    c === 0x0b ||
    c === 0x201c ||
    c === 0x201d
  );
}

/** UTF-16LE runs of plausible text with at least two CJK characters, in file order. */
function utf16Runs(bytes: Uint8Array): string[] {
  const runs: string[] = [];
  for (const start of [0, 1]) {
    let cur: number[] = [];
    let cjk = 0;
    const flush = () => {
      if (cur.length >= 4 && cjk >= 2) runs.push(String.fromCharCode(...cur));
      cur = [];
      cjk = 0;
    };
    for (let i = start; i + 1 < bytes.length; i += 2) {
      const c = (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8);
      if (isTextUnit(c)) {
        cur.push(c);
        if (isCjk(c)) cjk++;
        if (cur.length > 4096) flush();
      } else flush();
    }
    flush();
    if (runs.length > 0) break;
  }
  return runs;
}

export function readLegacyDoc(bytes: Uint8Array, fileName: string): ReadDocument {
  const kind = /\.wps$/i.test(fileName) ? 'WPS' : 'Word 97-2003 (.doc)';
  // \x07 ends a table cell, \r ends a paragraph, \x0b is a manual line break.
  const text = utf16Runs(bytes)
    .join('\r')
    .split(String.fromCharCode(7) + '\r')
    .join('\t')
    .split(String.fromCharCode(7))
    .join('\t')
    .split(String.fromCharCode(11))
    .join('\n')
    .replace(/\r/g, '\n');
  const doc = readText(text);
  if (doc.lines.length === 0) {
    return {
      source: 'doc',
      lines: [],
      notes: [
        {
          code: 'document.unreadable',
          message: `无法读取 ${kind} 文件的文字（没有可用的解析库），请另存为 DOCX、PDF 或网页后再审查。`,
        },
      ],
    };
  }
  return {
    ...doc,
    source: 'doc',
    notes: [
      ...doc.notes,
      {
        code: 'document.partly_read',
        message: `${kind} 文件按近似方式读取（没有可用的解析库），表格结构可能丢失；请另存为 DOCX 后复核。`,
      },
    ],
  };
}
