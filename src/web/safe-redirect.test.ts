import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sameSitePath } from './safe-redirect.js';

test('issue 21: paths that browsers would follow off-site fall back', () => {
  for (const evil of [
    '/\\evil.example/x', // what /mode/elder?back=/%5Cevil.example/x decodes to
    '/\t/evil.example', // back=/%09/evil.example
    '/%09/evil.example',
    '/%5Cevil.example',
    '/%2F/evil.example',
    '//evil',
    '///evil',
    'https://evil',
    'javascript:alert(1)',
    '/\\\\evil',
    '\\/evil',
    '/\n/evil',
    ' /x',
    'evil',
    '',
  ]) {
    assert.equal(sameSitePath(evil), '/', JSON.stringify(evil));
  }
  assert.equal(sameSitePath(undefined, '/admin/'), '/admin/');
  assert.equal(sameSitePath(['/a'], '/admin/'), '/admin/');
});

test('paths on this site are kept', () => {
  assert.equal(sameSitePath('/'), '/');
  assert.equal(sameSitePath('/zhongxing/'), '/zhongxing/');
  assert.equal(sameSitePath('/zhongxing/xxgk/items?page=2#top'), '/zhongxing/xxgk/items?page=2#top');
  assert.equal(sameSitePath('/admin/requests/abc?tab=a%20b'), '/admin/requests/abc?tab=a%20b');
  assert.equal(sameSitePath('/仲兴/'), '/%E4%BB%B2%E5%85%B4/', 'percent-encoded for the Location header');
});

test('whatever comes in, what goes out resolves on this origin', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      const out = sameSitePath(s);
      assert.equal(new URL(out, 'https://site.example').origin, 'https://site.example');
      assert.ok(out.startsWith('/') && !out.startsWith('//') && !out.includes('\\'));
    }),
  );
  fc.assert(
    fc.property(fc.webPath(), (p) => {
      const out = sameSitePath('/x' + p);
      assert.equal(new URL(out, 'https://site.example').origin, 'https://site.example');
    }),
  );
});
