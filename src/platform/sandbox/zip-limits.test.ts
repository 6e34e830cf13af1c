import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docxOf, lyingSizes, manyEntriesZip, zipBombDocx } from '../../../test/support/bombs.js';
import { DomainError } from '../errors.js';
import { DEFAULT_PARSE_LIMITS, LimitExceeded } from './limits.js';
import { checkZip, zipEntries } from './zip-limits.js';

const small = { ...DEFAULT_PARSE_LIMITS, maxExpandedBytes: 1024 * 1024, maxZipEntries: 50 };
const limitOf = (e: unknown) => (e instanceof LimitExceeded ? e.limit : undefined);

test('an ordinary DOCX passes; its entries are read from the central directory', () => {
  const docx = docxOf(['一、总体情况', '本机关依法公开政府信息。']);
  assert.doesNotThrow(() => checkZip(docx, small));
  const names = zipEntries(docx, small).map((e) => e.name);
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])
    assert.ok(names.includes(part));
});

test('a bomb that declares its size is refused from the central directory, naming the MB', async () => {
  const bomb = await zipBombDocx(3);
  assert.ok(bomb.length < 100 * 1024, `the bomb is small: ${bomb.length} bytes`);
  assert.throws(
    () => checkZip(bomb, small),
    (e: unknown) => limitOf(e) === 'maxExpandedBytes' && /文件解压后超过 1 MB，已停止读取/.test(String(e)),
  );
});

test('a bomb that lies about its sizes is stopped by the inflate budget', async () => {
  const liar = lyingSizes(await zipBombDocx(3));
  assert.ok(zipEntries(liar, small).every((e) => e.size === 1024));
  assert.throws(
    () => checkZip(liar, small),
    (e: unknown) => limitOf(e) === 'maxExpandedBytes',
  );
});

test('too many entries are refused before any is inflated; a broken container is unreadable', () => {
  const many = manyEntriesZip(60);
  assert.throws(
    () => checkZip(many, small),
    (e: unknown) => limitOf(e) === 'maxZipEntries' && /超过 50 个/.test(String(e)),
  );
  assert.throws(
    () => checkZip(Buffer.from('PK\x03\x04 not really a zip'), small),
    (e: unknown) => e instanceof DomainError && e.code === 'input.unreadable',
  );
});
