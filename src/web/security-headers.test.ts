import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { contentSecurityPolicy, helmetHeaders, registerSecurityHeaders } from './security-headers.js';

test('the captured headers are helmet’s: our CSP, no framing, no sniffing, HSTS only when asked', () => {
  const plain = helmetHeaders({ contentSecurityPolicy, strictTransportSecurity: false });
  const csp = String(plain['content-security-policy']);
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ])
    assert.ok(csp.includes(directive), `${directive} in ${csp}`);
  assert.ok(!csp.includes('upgrade-insecure-requests'));
  assert.equal(plain['x-content-type-options'], 'nosniff');
  assert.equal(plain['x-frame-options'], 'SAMEORIGIN');
  assert.equal(plain['strict-transport-security'], undefined);
  const secure = helmetHeaders({ contentSecurityPolicy, strictTransportSecurity: true });
  assert.match(String(secure['strict-transport-security']), /max-age=\d+/);
});

test('every response carries them, a 404 and an error included', async () => {
  const app = Fastify({ logger: false });
  registerSecurityHeaders(app, { hsts: false });
  app.get('/ok', async () => 'ok');
  app.get('/boom', async () => {
    throw new Error('boom');
  });
  for (const url of ['/ok', '/missing', '/boom']) {
    const r = await app.inject({ url });
    assert.ok(r.headers['content-security-policy'], url);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
  }
  await app.close();
});
