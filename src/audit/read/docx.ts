/**
 * DOCX → HTML (mammoth, images dropped) → the HTML reader, so tables in Word files are read exactly
 * like tables on web pages. Line numbers refer to the extracted text (one paragraph or row per line).
 */
import mammoth from 'mammoth';
import { readHtml } from './html.js';
import type { ReadDocument } from './document.js';

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
  );
  const html = result.value.replace(/(<\/(?:p|tr|h[1-6]|li|table)>)/g, '$1\n');
  const doc = readHtml(html);
  return { ...doc, source: 'docx' };
}
