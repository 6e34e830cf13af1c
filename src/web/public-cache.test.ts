import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PublicPageCache, publicContentChanged } from './public-cache.js';

const page = (bytes: number) => ({ status: 200, headers: {}, body: Buffer.alloc(bytes) });

test('past its byte budget the cache drops its oldest pages first, and only as many as it must', () => {
  const cache = new PublicPageCache(60_000, 10_000);
  for (let i = 0; i < 5; i++) cache.set(`/p${i}`, page(3_000), 0);
  // 15,000 bytes offered to a 10,000-byte budget: the two oldest went, the three newest stay.
  assert.equal(cache.size, 3);
  assert.equal(cache.get('/p0', 1), undefined);
  assert.equal(cache.get('/p1', 1), undefined);
  for (const k of ['/p2', '/p3', '/p4']) assert.ok(cache.get(k, 1), k);
  // Replacing a page counts its bytes once.
  cache.set('/p4', page(3_000), 2);
  assert.equal(cache.size, 3);
});

test('a page expires after the TTL and when published content changes', () => {
  const cache = new PublicPageCache(5_000);
  cache.set('/a', page(10), 0);
  assert.ok(cache.get('/a', 4_999));
  assert.equal(cache.get('/a', 5_000), undefined);
  cache.set('/b', page(10), 0);
  publicContentChanged();
  assert.equal(cache.get('/b', 1), undefined);
  assert.equal(cache.size, 0);
});
