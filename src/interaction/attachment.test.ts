import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAttachment, MAX_ATTACHMENT_BYTES } from './attachment.js';

const pdf = Buffer.from('%PDF-1.4\n%…\n');
// A PNG's signature and its image header (IHDR, 1×1), which file-type reads before it calls the bytes PNG.
const png = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080600000000000000', 'hex');

test('attachments are checked by content, and named after it', async () => {
  assert.deepEqual(await checkAttachment({ fileName: 'C:\\证明.pdf', data: pdf }), {
    ok: true,
    contentType: 'application/pdf',
    filename: '证明.pdf',
  });
  // A PNG named .pdf is a PNG.
  assert.deepEqual(await checkAttachment({ fileName: '../照片.pdf', data: png }), {
    ok: true,
    contentType: 'image/png',
    filename: '照片.png',
  });
});

test('other content, empty and oversized files are refused in Chinese', async () => {
  const html = await checkAttachment({ fileName: 'a.pdf', data: Buffer.from('<html><script>') });
  assert.deepEqual(html, { ok: false, message: '附件只能是 PDF、PNG 或 JPG 格式' });
  assert.equal((await checkAttachment({ fileName: 'a.pdf', data: Buffer.alloc(0) })).ok, false);
  const big = Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
  assert.deepEqual(await checkAttachment({ fileName: 'a.pdf', data: big }), {
    ok: false,
    message: '附件不能超过 5MB',
  });
});
