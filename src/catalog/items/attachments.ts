/**
 * Attachments (PDF, Office files, images, plain text) are checked by their content, not the name the browser
 * sends, and by size; their text is extracted (in the sandbox, attachment-text.ts) so the personal-data check
 * can read it.
 */
import { validationFailed } from '../../platform/errors.js';
import { LimitExceeded } from '../../platform/sandbox/limits.js';
import { attachmentText } from './attachment-text.js';
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
    text: await extractText(name, checked.contentType, data),
  };
}

/** The text for the personal-data check; past a reading limit the attachment is refused, naming the limit. */
async function extractText(name: string, type: string, data: Buffer): Promise<string> {
  try {
    return await attachmentText(type, data);
  } catch (e) {
    if (e instanceof LimitExceeded) throw validationFailed({ attachment: `附件“${name}”${e.message}` });
    // Unreadable content is stored as is; the reviewer sees that its text could not be checked.
    return '';
  }
}
