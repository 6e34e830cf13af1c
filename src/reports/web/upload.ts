/**
 * File uploads for the import forms: multipart parsing in this plugin's scope only, the file kept in memory
 * (templates are small) next to the other form fields, so the CSRF check reads `_csrf` as usual.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { validationFailed } from '../../platform/errors.js';

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export async function acceptUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
    onFile: async (part) => {
      const data = await part.toBuffer();
      (part as unknown as { value: UploadedFile }).value = { filename: part.filename, data };
    },
  });
}

/** The uploaded file of a form, or a Chinese error when none was chosen. */
export function uploadedFile(body: unknown): UploadedFile {
  const file = (body as Record<string, unknown> | undefined)?.file as UploadedFile | undefined;
  if (!file || typeof file !== 'object' || !file.filename || !file.data.length) {
    throw validationFailed({ file: '请选择要导入的 XLSX 或 CSV 文件。' });
  }
  return file;
}
