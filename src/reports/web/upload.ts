/**
 * File uploads for the import forms: the web kit's multipart parsing (src/web/uploads.ts) in this plugin's
 * scope only, one file kept in memory (templates are small) next to the other form fields, so the CSRF check
 * reads `_csrf` as usual. The sheet itself is read by src/sheets/.
 */
import type { FastifyInstance } from 'fastify';
import { validationFailed } from '../../platform/errors.js';
import { isTooLarge, MB, type UploadedFile } from '../../platform/uploads.js';
import { acceptUploads, fileOf } from '../../web/uploads.js';

const MAX_UPLOAD_BYTES = 5 * MB;

const TOO_LARGE = '文件超过 5 MB，请删去无关内容后重新上传。';

export async function acceptSheetUpload(app: FastifyInstance): Promise<void> {
  // Limits hit while parsing (before the handler runs) become the same Chinese refusal; the rest goes up.
  app.setErrorHandler((error, _request, _reply) => {
    if ((error as { statusCode?: number }).statusCode === 413)
      throw validationFailed({ file: TOO_LARGE }, TOO_LARGE);
    throw error;
  });
  await acceptUploads(app, { maxBytes: MAX_UPLOAD_BYTES, maxFiles: 1 });
}

/** The uploaded file of a form, or a Chinese error when none was chosen or it is over the limit. */
export function uploadedFile(body: unknown): UploadedFile {
  const file = fileOf(body, 'file');
  if (file && isTooLarge(file, MAX_UPLOAD_BYTES)) throw validationFailed({ file: TOO_LARGE }, TOO_LARGE);
  if (!file || !file.fileName || !file.data.length) {
    throw validationFailed({ file: '请选择要导入的 XLSX 或 CSV 文件。' });
  }
  return file;
}
