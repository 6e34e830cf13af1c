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
  /** Over MAX_UPLOAD_BYTES: refused with a Chinese message instead of a bare 413. */
  tooLarge?: boolean;
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const TOO_LARGE = '文件超过 5 MB，请删去无关内容后重新上传。';

export async function acceptUploads(app: FastifyInstance): Promise<void> {
  // Limits hit while parsing (before the handler runs) become the same Chinese refusal; the rest goes up.
  app.setErrorHandler((error, _request, _reply) => {
    if ((error as { statusCode?: number }).statusCode === 413)
      throw validationFailed({ file: TOO_LARGE }, TOO_LARGE);
    throw error;
  });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
    onFile: async (part) => {
      let value: UploadedFile;
      try {
        value = { filename: part.filename, data: await part.toBuffer() };
      } catch (e) {
        if ((e as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw e;
        value = { filename: part.filename, data: Buffer.alloc(0), tooLarge: true };
      }
      (part as unknown as { value: UploadedFile }).value = value;
    },
  });
}

/** The uploaded file of a form, or a Chinese error when none was chosen. */
export function uploadedFile(body: unknown): UploadedFile {
  const file = (body as Record<string, unknown> | undefined)?.file as UploadedFile | undefined;
  if (file?.tooLarge) throw validationFailed({ file: TOO_LARGE }, TOO_LARGE);
  if (!file || typeof file !== 'object' || !file.filename || !file.data.length) {
    throw validationFailed({ file: '请选择要导入的 XLSX 或 CSV 文件。' });
  }
  return file;
}
