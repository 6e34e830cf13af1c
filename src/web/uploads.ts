/**
 * Multipart forms, for the route scope that registers them (acceptUploads): files are read into memory up to
 * one byte over the scope's limit — an oversized file is marked `truncated` and refused on the form with a
 * Chinese message, not with a bare 413 — and the fields are flattened to strings, so the app's CSRF check reads
 * `_csrf` as for any form (preValidation runs before it) and a form without files still posts url-encoded.
 * A file input left empty sends no file. What a file is, is checked by src/platform/uploads.ts.
 *
 * The body is read here, not by the plugin's attachFieldsToBody, so that whatever goes wrong while reading it is
 * known to be the sender's: a limit (parts, fields, files; a text field over its size) answers 413, and any other
 * failure of the stream (no boundary, truncated or unparsable data: busboy's plain Errors) answers 400, both
 * through the app's error handler with the usual page, never as a 500.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { MB, type UploadedFile } from '../platform/uploads.js';

export type { UploadedFile } from '../platform/uploads.js';

interface UploadLimits {
  /** The largest file the scope accepts. */
  maxBytes: number;
  /** How many files one form may carry. */
  maxFiles: number;
  /** The longest text field (pasted documents); 1 MB unless said. */
  maxFieldBytes?: number;
}

/** The platform's limits on the form's other parts. */
const MAX_FIELDS = 60;
const MAX_FIELD_BYTES = 1 * MB;

/** A multipart body that could not be read; the error handler answers it with its status (400 or 413). */
class MalformedMultipart extends Error {
  readonly code = 'GK_MALFORMED_MULTIPART';
  constructor(
    readonly statusCode: 400 | 413,
    options?: { cause?: unknown },
  ) {
    super(statusCode === 413 ? 'multipart body over a limit' : 'malformed multipart body', options);
    this.name = 'MalformedMultipart';
  }
}

/** The status of an error met while reading a multipart body: the plugin's own 4xx, or 400 for the rest. */
function statusOfPartError(error: unknown): 400 | 413 {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return status === 413 ? 413 : 400;
}

interface Part {
  type: 'file' | 'field';
  fieldname: string;
  filename?: string;
  value?: unknown;
  valueTruncated?: boolean;
  fieldnameTruncated?: boolean;
  file?: { truncated?: boolean };
  toBuffer?: () => Promise<Buffer>;
}

/** Reads every part of the request into string fields (a repeated name keeps its last value) and files. */
async function readParts(parts: AsyncIterable<unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  for await (const raw of parts) {
    const part = raw as Part;
    if (part.type === 'file') {
      const data = (await part.toBuffer?.()) ?? Buffer.alloc(0);
      const truncated = Boolean(part.file?.truncated);
      const fileName = typeof part.filename === 'string' ? part.filename : '';
      if (fileName || data.length) files.push({ field: part.fieldname, fileName, data, truncated });
    } else {
      // A text field cut at the limit would be stored cut: refuse it as too large instead.
      if (part.valueTruncated || part.fieldnameTruncated) throw new MalformedMultipart(413);
      out[part.fieldname] = typeof part.value === 'string' ? part.value : '';
    }
  }
  out._files = files;
  return out;
}

export async function acceptUploads(app: FastifyInstance, limits: UploadLimits): Promise<void> {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: limits.maxBytes + 1,
      files: limits.maxFiles,
      fields: MAX_FIELDS,
      fieldSize: limits.maxFieldBytes ?? MAX_FIELD_BYTES,
    },
  });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    try {
      request.body = await readParts(request.parts());
    } catch (error) {
      if (error instanceof MalformedMultipart) throw error;
      throw new MalformedMultipart(statusOfPartError(error), { cause: error });
    }
  });
}

/** The files of a multipart form's body, in the order sent. */
export const filesOf = (body: unknown): UploadedFile[] =>
  ((body ?? {}) as { _files?: UploadedFile[] })._files ?? [];

/** The first file sent in one field. */
export const fileOf = (body: unknown, field: string): UploadedFile | undefined =>
  filesOf(body).find((f) => f.field === field);
