/**
 * Checks an attachment to a message by its content, not its name or declared type: only PDF, PNG and JPEG,
 * at most 5 MB (DESIGN.md security baseline: uploads checked by content type and size).
 */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export type AttachmentCheck =
  { ok: true; contentType: string; filename: string } | { ok: false; message: string };

const signatures: Array<{ type: string; ext: string; bytes: number[] }> = [
  { type: 'application/pdf', ext: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', ext: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', ext: 'jpg', bytes: [0xff, 0xd8, 0xff] },
];

export function sniffContentType(data: Buffer): string | undefined {
  return signatures.find((s) => s.bytes.every((b, i) => data[i] === b))?.type;
}

export function checkAttachment(file: UploadedFile): AttachmentCheck {
  if (file.data.length === 0) return { ok: false, message: '附件是空文件，请重新选择' };
  if (file.data.length > MAX_ATTACHMENT_BYTES) return { ok: false, message: '附件不能超过 5MB' };
  const contentType = sniffContentType(file.data);
  if (!contentType) return { ok: false, message: '附件只能是 PDF、PNG 或 JPG 格式' };
  const ext = signatures.find((s) => s.type === contentType)!.ext;
  // Keep a safe display name: no path, no control characters; the extension follows the real content.
  const base = (file.filename.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]*$/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"|?*]/g, '')
    .slice(0, 80);
  return { ok: true, contentType, filename: `${base || '附件'}.${ext}` };
}
