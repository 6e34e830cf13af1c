/**
 * Attachments (PDF, Office files, images, plain text) are checked by their content, not the name the browser
 * sends, and by size; their text is extracted so the personal-data check can read it.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { validationFailed } from '../platform/errors.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

interface Kind {
  type: string;
  ext: string[];
}

const starts = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The type the bytes really are, judged with the extension only where a container format is shared. */
export function sniffType(data: Buffer, fileName: string): Kind | null {
  const ext = (fileName.split('.').pop() ?? '').toLowerCase();
  if (starts(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { type: 'application/pdf', ext: ['pdf'] };
  if (starts(data, [0x89, 0x50, 0x4e, 0x47])) return { type: 'image/png', ext: ['png'] };
  if (starts(data, [0xff, 0xd8, 0xff])) return { type: 'image/jpeg', ext: ['jpg', 'jpeg'] };
  if (starts(data, [0x50, 0x4b, 0x03, 0x04])) {
    const zipTypes: Record<string, string> = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    };
    return zipTypes[ext] ? { type: zipTypes[ext], ext: [ext] } : null;
  }
  if (starts(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    const ole: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel' };
    return ole[ext] ? { type: ole[ext], ext: [ext] } : null;
  }
  if ((ext === 'txt' || ext === 'csv') && isUtf8Text(data))
    return { type: ext === 'csv' ? 'text/csv' : 'text/plain', ext: [ext] };
  return null;
}

function isUtf8Text(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

export interface CheckedAttachment {
  fileName: string;
  contentType: string;
  size: number;
  data: Buffer;
  text: string;
}

/** Validates an upload and extracts its text; bad input throws a Chinese validation error. */
export async function checkAttachment(fileName: string, data: Buffer): Promise<CheckedAttachment> {
  const name = fileName.replace(/[\\/]/g, '_').trim().slice(0, 200);
  if (!name) throw validationFailed({ attachment: '附件缺少文件名' });
  if (data.length === 0) throw validationFailed({ attachment: `附件“${name}”是空文件` });
  if (data.length > MAX_ATTACHMENT_BYTES)
    throw validationFailed({
      attachment: `附件“${name}”超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 的上传限制，请压缩或拆分后再上传`,
    });
  const kind = sniffType(data, name);
  if (!kind)
    throw validationFailed({
      attachment: `附件“${name}”的类型不受支持或与扩展名不符（可上传 PDF、Word、Excel、PowerPoint、图片或文本文件）`,
    });
  return {
    fileName: name,
    contentType: kind.type,
    size: data.length,
    data,
    text: await extractText(kind.type, data),
  };
}

async function extractText(type: string, data: Buffer): Promise<string> {
  try {
    if (type.startsWith('text/')) return data.toString('utf8');
    if (type.endsWith('wordprocessingml.document'))
      return (await mammoth.extractRawText({ buffer: data })).value;
    if (type.endsWith('spreadsheetml.sheet')) {
      const zip = await JSZip.loadAsync(data);
      const shared = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
      const sheets = await Promise.all(
        Object.keys(zip.files)
          .filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml'))
          .map((n) => zip.file(n)!.async('string')),
      );
      return [shared, ...sheets].join(' ').replace(/<[^>]+>/g, ' ');
    }
    if (type === 'application/pdf') return await pdfText(data);
  } catch {
    // Unreadable content is stored as is; the reviewer sees that its text could not be checked.
    return '';
  }
  return '';
}

async function pdfText(data: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= Math.min(doc.numPages, 50); p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return parts.join('\n');
}
