/**
 * Multipart forms (item editor with attachment) for one route scope: files are read into memory within the
 * size limit and the fields are flattened to strings, so the app's CSRF check reads `_csrf` as for any form.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { MAX_ATTACHMENT_BYTES } from './attachments.js';

export interface UploadedFile {
  field: string;
  fileName: string;
  data: Buffer;
}

export async function enableMultipart(app: FastifyInstance, maxFiles = 5): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: true,
    // An over-size file arrives cut at the limit + 1 byte instead of failing the request with a bare 413,
    // so the attachment check answers on the form with a field message in Chinese.
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: maxFiles, fields: 60 },
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
          if (typeof part.filename === 'string' && part.filename)
            files.push({ field: key, fileName: part.filename, data });
        } else if (part?.type === 'field') out[key] = typeof part.value === 'string' ? part.value : '';
      }
    }
    out._files = files;
    request.body = out;
  });
}

export const filesOf = (body: unknown): UploadedFile[] => (body as { _files?: UploadedFile[] })._files ?? [];
