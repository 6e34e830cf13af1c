/**
 * Multipart parsing for the public 依申请公开 forms (application, clarification): files are read into memory
 * up to one byte over the limit (so an oversized file is reported, not silently cut), fields are flattened to
 * strings, so the app's CSRF check reads `_csrf` as for any form and a form without files still posts
 * url-encoded. A file input left empty sends no file.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { MAX_ATTACHMENT_BYTES, type UploadedFile } from './attachments.js';

export async function enablePublicUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 4, fields: 60 },
  });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const files: UploadedFile[] = [];
    for (const [key, value] of Object.entries(raw)) {
      for (const part of [value].flat() as Array<Record<string, unknown>>) {
        if (part?.type === 'file') {
          const data = await (part.toBuffer as () => Promise<Buffer>)();
          const truncated = Boolean((part.file as { truncated?: boolean } | undefined)?.truncated);
          const filename = typeof part.filename === 'string' ? part.filename : '';
          if (filename || data.length) files.push({ field: key, filename, data, truncated });
        } else if (part?.type === 'field') out[key] = typeof part.value === 'string' ? part.value : '';
      }
    }
    out._files = files;
    request.body = out;
  });
}

export const uploadsOf = (body: unknown): UploadedFile[] =>
  ((body ?? {}) as { _files?: UploadedFile[] })._files ?? [];
