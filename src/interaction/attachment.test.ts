import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAttachment, MAX_ATTACHMENT_BYTES } from './attachment.js';

const pdf = Buffer.from('%PDF-1.4\n%…\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

test('attachments are checked by content, and named after it', () => {
  assert.deepEqual(checkAttachment({ filename: 'C:\\证明.pdf', data: pdf }), {
    ok: true,
    contentType: 'application/pdf',
    filename: '证明.pdf',
  });
  // A PNG named .pdf is a PNG.
  assert.deepEqual(checkAttachment({ filename: '../照片.pdf', data: png }), {
    ok: true,
    contentType: 'image/png',
    filename: '照片.png',
  });
});

test('other content, empty and oversized files are refused in Chinese', () => {
  const html = checkAttachment({ filename: 'a.pdf', data: Buffer.from('<html><script>') });
  assert.deepEqual(html, { ok: false, message: '附件只能是 PDF、PNG 或 JPG 格式' });
  assert.equal(checkAttachment({ filename: 'a.pdf', data: Buffer.alloc(0) }).ok, false);
  const big = Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
  assert.deepEqual(checkAttachment({ filename: 'a.pdf', data: big }), {
    ok: false,
    message: '附件不能超过 5MB',
  });
});
