/**
 * Uploaded files, checked by what their bytes are — never by the name or type the browser declares — and by
 * size. The magic bytes are read by `file-type`; plain text and CSV carry none, so they are recognised by an
 * explicit rule (the name's extension, and bytes that are UTF-8 without NUL). Each feature passes its own
 * allow-list and limit and words its own Chinese messages; the multipart parsing is src/web/uploads.ts.
 */
import { fileTypeFromBuffer } from 'file-type';

/** One file of a multipart form: its field, the name the browser sent, its bytes; `truncated` when the parser
 *  stopped reading at the limit (the file is too large). */
export interface UploadedFile {
  field: string;
  fileName: string;
  data: Buffer;
  truncated: boolean;
}

export const MB = 1024 * 1024;

export const PDF = 'application/pdf';
export const PNG = 'image/png';
export const JPEG = 'image/jpeg';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const DOC = 'application/msword';
export const XLS = 'application/vnd.ms-excel';
export const TEXT = 'text/plain';
export const CSV = 'text/csv';

interface FileKind {
  /** The content type the bytes are. */
  type: string;
  /** The extension that goes with it (no dot). */
  ext: string;
}

const extensionOf = (fileName: string) =>
  fileName.includes('.') ? (fileName.split('.').pop() ?? '').toLowerCase() : '';

/** Old Office files share one container (OLE compound file); only the name tells a .doc from a .xls. */
const COMPOUND_FILE_TYPES: Record<string, string> = { doc: DOC, xls: XLS };
const TEXT_TYPES: Record<string, string> = { txt: TEXT, csv: CSV };

function isUtf8Text(data: Uint8Array): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the bytes are: their magic bytes (file-type), the name's extension only where a container is shared
 * (.doc/.xls), and text (.txt/.csv) when the bytes carry no signature and are UTF-8 text; null otherwise.
 */
async function sniffType(data: Uint8Array, fileName = ''): Promise<FileKind | null> {
  const ext = extensionOf(fileName);
  const found = await fileTypeFromBuffer(data);
  if (found?.mime === 'application/x-cfb')
    return COMPOUND_FILE_TYPES[ext] ? { type: COMPOUND_FILE_TYPES[ext], ext } : null;
  if (found) return { type: found.mime, ext: found.ext };
  if (TEXT_TYPES[ext] && isUtf8Text(data)) return { type: TEXT_TYPES[ext], ext };
  return null;
}

/** What a feature accepts: at most `maxBytes`, of one of `types`. */
export interface UploadRule {
  maxBytes: number;
  types: readonly string[];
}

type UploadCheck =
  { ok: true; contentType: string; ext: string } | { ok: false; problem: 'empty' | 'too_large' | 'type' };

/** Over the limit: cut by the parser, or longer than `maxBytes`. */
export const isTooLarge = (file: { data: Uint8Array; truncated?: boolean }, maxBytes: number): boolean =>
  Boolean(file.truncated) || file.data.length > maxBytes;

/** Checks a file against a feature's rule: empty first, then size, then the type its bytes are. */
export async function checkUpload(
  file: { data: Uint8Array; fileName?: string; truncated?: boolean },
  rule: UploadRule,
): Promise<UploadCheck> {
  if (file.data.length === 0 && !file.truncated) return { ok: false, problem: 'empty' };
  if (isTooLarge(file, rule.maxBytes)) return { ok: false, problem: 'too_large' };
  const kind = await sniffType(file.data, file.fileName);
  if (!kind || !rule.types.includes(kind.type)) return { ok: false, problem: 'type' };
  return { ok: true, contentType: kind.type, ext: kind.ext };
}
