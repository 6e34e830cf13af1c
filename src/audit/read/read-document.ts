/**
 * Entry of the reading side: bytes + file name → a `ReadDocument`. The format is decided by the bytes
 * first (ZIP → DOCX, %PDF, OLE2 → .doc/.wps, "<html" → HTML) and by the file name second, because
 * downloaded files are often misnamed. An unreadable file gives a document with a note; a file past one of the
 * limits (src/platform/sandbox/limits.ts: expanded zip size and entries, PDF pages, text length) throws
 * LimitExceeded, so nothing read from it is audited. Time and memory are bounded by the sandbox pool.
 */
import { decode } from './decode.js';
import { readText } from './text.js';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import { readDocx } from './docx.js';
import { isOle2, readLegacyDoc } from './legacy-doc.js';
import { lineText, type ReadDocument, type SourceKind } from './document.js';
import { DEFAULT_PARSE_LIMITS, LimitExceeded, type ParseLimits } from '../../platform/sandbox/limits.js';
import { checkZip } from '../../platform/sandbox/zip-limits.js';

export function sniff(bytes: Uint8Array, fileName: string): SourceKind {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (isOle2(bytes)) return 'doc';
  const name = fileName.toLowerCase();
  if (/\.(html?|shtml|xhtml|htm)$/.test(name)) return 'html';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).toLowerCase();
  if (/<(!doctype html|html|body|table|p|div)[\s>]/.test(head)) return 'html';
  if (/\.pdf$/.test(name)) return 'pdf';
  return 'text';
}

function unreadable(source: SourceKind, message: string): ReadDocument {
  return { source, lines: [], notes: [{ code: 'document.unreadable', message }] };
}

export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<ReadDocument> {
  const doc = await readAnyKind(bytes, fileName, limits);
  let chars = 0;
  for (const line of doc.lines) chars += lineText(line).length;
  if (chars > limits.maxTextChars) throw new LimitExceeded('maxTextChars', limits);
  return doc;
}

async function readAnyKind(bytes: Uint8Array, fileName: string, limits: ParseLimits): Promise<ReadDocument> {
  const kind = sniff(bytes, fileName);
  try {
    switch (kind) {
      case 'pdf':
        return await readPdf(bytes, limits);
      case 'docx':
        checkZip(bytes, limits);
        return await readDocx(bytes);
      case 'doc':
        return readLegacyDoc(bytes, fileName);
      case 'html': {
        const { text, encoding } = decode(bytes);
        return readHtml(text, encoding);
      }
      case 'text': {
        const { text, encoding } = decode(bytes);
        return readText(text, encoding);
      }
    }
  } catch (e) {
    if (e instanceof LimitExceeded) throw e;
    const why = e instanceof Error ? e.message.slice(0, 200) : String(e);
    const label = { pdf: 'PDF', docx: 'DOCX', doc: 'DOC/WPS', html: '网页', text: '文本' }[kind];
    return unreadable(kind, `${label} 文件无法读取（${why}），未能审查。`);
  }
}
