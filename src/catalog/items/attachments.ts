/**
 * Attachments (PDF, Office files, images, plain text) are checked by their content, not the name the browser
 * sends, and by size; their text is extracted so the personal-data check can read it.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { validationFailed } from '../../platform/errors.js';
import {
  checkUpload,
  CSV,
  DOC,
  DOCX,
  JPEG,
  MB,
  PDF,
  PNG,
  PPTX,
  TEXT,
  XLS,
  XLSX,
  type UploadRule,
} from '../../platform/uploads.js';

export const MAX_ATTACHMENT_BYTES = 20 * MB;

/** What an item may carry: PDF, Office files, images, plain text and CSV (UTF-8). */
const ITEM_ATTACHMENTS: UploadRule = {
  maxBytes: MAX_ATTACHMENT_BYTES,
  types: [PDF, DOCX, XLSX, PPTX, DOC, XLS, PNG, JPEG, TEXT, CSV],
};

export interface CheckedAttachment {
  fileName: string;
  contentType: string;
  size: number;
  data: Buffer;
  text: string;
}

/** Validates an upload and extracts its text; bad input throws a Chinese validation error. */
export async function checkItemAttachment(fileName: string, data: Buffer): Promise<CheckedAttachment> {
  const name = fileName.replace(/[\\/]/g, '_').trim().slice(0, 200);
  if (!name) throw validationFailed({ attachment: '附件缺少文件名' });
  const checked = await checkUpload({ data, fileName: name }, ITEM_ATTACHMENTS);
  if (!checked.ok && checked.problem === 'empty')
    throw validationFailed({ attachment: `附件“${name}”是空文件` });
  if (!checked.ok && checked.problem === 'too_large')
    throw validationFailed({
      attachment: `附件“${name}”超过 ${MAX_ATTACHMENT_BYTES / MB} MB 的上传限制，请压缩或拆分后再上传`,
    });
  if (!checked.ok)
    throw validationFailed({
      attachment: `附件“${name}”的类型不受支持或与扩展名不符（可上传 PDF、Word、Excel、PowerPoint、图片或文本文件）`,
    });
  return {
    fileName: name,
    contentType: checked.contentType,
    size: data.length,
    data,
    text: await extractText(checked.contentType, data),
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
