/**
 * Attachments to a message, a consultation or a scorecard's evidence, checked by their content
 * (src/platform/uploads.ts), not their name or declared type: only PDF, PNG and JPEG, at most 5 MB (DESIGN.md
 * security baseline: uploads checked by content type and size).
 */
import { checkUpload, JPEG, MB, PDF, PNG, type UploadedFile } from '../platform/uploads.js';

export const MAX_ATTACHMENT_BYTES = 5 * MB;

const ATTACHMENTS = { maxBytes: MAX_ATTACHMENT_BYTES, types: [PDF, PNG, JPEG] };

type AttachmentCheck = { ok: true; contentType: string; filename: string } | { ok: false; message: string };

const PROBLEMS = {
  empty: '附件是空文件，请重新选择',
  too_large: '附件不能超过 5MB',
  type: '附件只能是 PDF、PNG 或 JPG 格式',
} as const;

export async function checkAttachment(
  file: Pick<UploadedFile, 'fileName' | 'data'>,
): Promise<AttachmentCheck> {
  const checked = await checkUpload(file, ATTACHMENTS);
  if (!checked.ok) return { ok: false, message: PROBLEMS[checked.problem] };
  // Keep a safe display name: no path, no control characters; the extension follows the real content.
  const base = (file.fileName.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]*$/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"|?*]/g, '')
    .slice(0, 80);
  return { ok: true, contentType: checked.contentType, filename: `${base || '附件'}.${checked.ext}` };
}
