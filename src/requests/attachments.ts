/**
 * Attachments of a case (ID copies, authorisations, letters, replies): the content decides the type — the
 * declared type and file name are not trusted (src/platform/uploads.ts) — and the size is capped.
 */
import { checkUpload, DOCX, JPEG, MB, PDF, PNG, type UploadedFile } from '../platform/uploads.js';

export const MAX_ATTACHMENT_BYTES = 10 * MB;

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

const TOO_LARGE = `文件不能超过 ${MAX_ATTACHMENT_BYTES / MB} MB`;

/** What staff may attach to a case: scans and photos, and Word files (the reply materials often are). */
const CASE_TYPES = [PDF, JPEG, PNG, DOCX] as const;

/** The content type sniffed from the bytes, or a Chinese problem. */
export async function checkCaseFile(bytes: Uint8Array): Promise<{ contentType?: string; problem?: string }> {
  const checked = await checkUpload({ data: bytes }, { maxBytes: MAX_ATTACHMENT_BYTES, types: CASE_TYPES });
  if (checked.ok) return { contentType: checked.contentType };
  return {
    problem:
      checked.problem === 'empty'
        ? '文件为空'
        : checked.problem === 'too_large'
          ? TOO_LARGE
          : '只接受 PDF、JPEG、PNG 或 Word（.docx）文件',
  };
}

/** What the public may upload with an application or a clarification: an ID copy or authorisation is a scan or a photo. */
const PUBLIC_TYPES = [PDF, JPEG, PNG] as const;

/** The public's file fields and the kind each is stored as. */
const PUBLIC_FILE_FIELDS = {
  idCopy: 'id_copy',
  authorisation: 'authorisation',
  supplement: 'supplement',
} as const satisfies Record<string, AttachmentKind>;
type PublicFileField = keyof typeof PUBLIC_FILE_FIELDS;

/** A public file that passed the check, with the kind it is stored as. */
export type AcceptedFile = UploadedFile & { kind: AttachmentKind; contentType: string };

/**
 * The public's files checked by content (PDF, JPEG, PNG only) and size, with a Chinese problem per field; the
 * caller stores nothing when any field has a problem.
 */
export async function checkPublicFiles(
  files: readonly UploadedFile[],
  allowed: readonly PublicFileField[],
): Promise<{ accepted: AcceptedFile[]; errors: Record<string, string> }> {
  const accepted: AcceptedFile[] = [];
  const errors: Record<string, string> = {};
  for (const f of files) {
    if (!(allowed as readonly string[]).includes(f.field)) continue;
    const checked = await checkUpload(f, { maxBytes: MAX_ATTACHMENT_BYTES, types: PUBLIC_TYPES });
    if (!checked.ok) {
      const problem =
        checked.problem === 'empty'
          ? '文件为空'
          : checked.problem === 'too_large'
            ? TOO_LARGE
            : '只接受 PDF、JPEG 或 PNG 文件';
      errors[f.field] = `“${f.fileName || '所选文件'}”：${problem}`;
      continue;
    }
    accepted.push({
      ...f,
      kind: PUBLIC_FILE_FIELDS[f.field as PublicFileField],
      contentType: checked.contentType,
    });
  }
  return { accepted, errors };
}
