/**
 * Multipart forms, for the route scope that registers them (acceptUploads): files are read into memory up to
 * one byte over the scope's limit — an oversized file is marked `truncated` and refused on the form with a
 * Chinese message, not with a bare 413 — and the fields are flattened to strings, so the app's CSRF check reads
 * `_csrf` as for any form (preValidation runs before it) and a form without files still posts url-encoded.
 * A file input left empty sends no file. What a file is, is checked by src/platform/uploads.ts.
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

export async function acceptUploads(app: FastifyInstance, limits: UploadLimits): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: true,
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
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const files: UploadedFile[] = [];
    for (const [key, value] of Object.entries(raw)) {
      for (const part of [value].flat() as Array<Record<string, unknown>>) {
        if (part?.type === 'file') {
          const data = (await (part.toBuffer as () => Promise<Buffer>)()) ?? Buffer.alloc(0);
          const truncated = Boolean((part.file as { truncated?: boolean } | undefined)?.truncated);
          const fileName = typeof part.filename === 'string' ? part.filename : '';
          if (fileName || data.length) files.push({ field: key, fileName, data, truncated });
        } else if (part?.type === 'field') out[key] = typeof part.value === 'string' ? part.value : '';
      }
    }
    out._files = files;
    request.body = out;
  });
}

/** The files of a multipart form's body, in the order sent. */
export const filesOf = (body: unknown): UploadedFile[] =>
  ((body ?? {}) as { _files?: UploadedFile[] })._files ?? [];

/** The first file sent in one field. */
export const fileOf = (body: unknown, field: string): UploadedFile | undefined =>
  filesOf(body).find((f) => f.field === field);
