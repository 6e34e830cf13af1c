/**
 * Attachments of a case (ID copies, authorisations, letters, replies): the content decides the type — the
 * declared type and file name are not trusted — and the size is capped. Pure.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ATTACHMENT_KINDS = {
  id_copy: '身份证明',
  authorisation: '授权委托书',
  application_letter: '申请书原件',
  supplement: '补正材料',
  reply: '答复材料',
  delivery_proof: '送达凭证',
  other: '其他材料',
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

const SIGNATURES: Array<{ type: string; magic: number[] }> = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // OOXML (docx) is a zip; the reply materials are often Word files.
  {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
];

/** The content type sniffed from the bytes, or a Chinese problem. */
export function checkAttachment(bytes: Uint8Array): { contentType?: string; problem?: string } {
  if (bytes.length === 0) return { problem: '文件为空' };
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    return { problem: `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` };
  const hit = SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b));
  if (!hit) return { problem: '只接受 PDF、JPEG、PNG 或 Word（.docx）文件' };
  return { contentType: hit.type };
}

/** What the public may upload with an application or a clarification: an ID copy or authorisation is a scan or a photo. */
export const PUBLIC_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** The public form's uploads (from the multipart parser; `truncated` when the parser stopped at the size limit). */
export interface UploadedFile {
  field: string;
  filename: string;
  data: Buffer;
  truncated: boolean;
}

/** The public's file fields and the kind each is stored as. */
export const PUBLIC_FILE_FIELDS = {
  idCopy: 'id_copy',
  authorisation: 'authorisation',
  supplement: 'supplement',
} as const satisfies Record<string, AttachmentKind>;
export type PublicFileField = keyof typeof PUBLIC_FILE_FIELDS;

/**
 * The public's files checked by content (PDF, JPEG, PNG only) and size, with a Chinese problem per field; the
 * caller stores nothing when any field has a problem.
 */
export function checkPublicFiles(
  files: readonly UploadedFile[],
  allowed: readonly PublicFileField[],
): {
  accepted: Array<UploadedFile & { kind: AttachmentKind; contentType: string }>;
  errors: Record<string, string>;
} {
  const accepted: Array<UploadedFile & { kind: AttachmentKind; contentType: string }> = [];
  const errors: Record<string, string> = {};
  for (const f of files) {
    if (!(allowed as readonly string[]).includes(f.field)) continue;
    const { contentType, problem } = f.truncated
      ? { contentType: undefined, problem: `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` }
      : checkAttachment(f.data);
    const publicType = contentType && (PUBLIC_TYPES as readonly string[]).includes(contentType);
    if (!publicType) {
      // Size and emptiness problems as they are; any other content is a type the public may not send.
      const sizeOrEmpty = f.truncated || f.data.length === 0 || f.data.length > MAX_ATTACHMENT_BYTES;
      errors[f.field] =
        `“${f.filename || '所选文件'}”：${sizeOrEmpty ? problem : '只接受 PDF、JPEG 或 PNG 文件'}`;
      continue;
    }
    accepted.push({ ...f, kind: PUBLIC_FILE_FIELDS[f.field as PublicFileField], contentType });
  }
  return { accepted, errors };
}
