import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/demo/load-demo.js';
import { buildApp } from '../../src/web/app.js';
import { appServices } from '../../src/app/services.js';
import { testContext } from '../support/context.js';
import { freshDatabase } from '../support/db.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';

// With ADMIN_PORT set, the public server must not expose the admin, and the admin server not the portal.
let handle: DatabaseHandle;
let pub: FastifyInstance;
let admin: FastifyInstance;

before(async () => {
  handle = await freshDatabase('sqlite');
  const ctx = testContext(handle);
  await loadDemo(ctx);
  pub = await buildApp(ctx, appServices(), { surfaces: ['public'], logger: false });
  admin = await buildApp(ctx, appServices(), { surfaces: ['admin'], logger: false });
});
after(async () => {
  await pub.close();
  await admin.close();
  await handle.close();
});

test('the public surface serves the portal and API but no admin', async () => {
  assert.equal((await pub.inject({ url: '/zhongxing/' })).statusCode, 200);
  assert.equal((await pub.inject({ url: '/api/openapi.json' })).statusCode, 200);
  assert.equal((await pub.inject({ url: '/admin/login' })).statusCode, 404);
  assert.equal((await pub.inject({ url: '/admin/agencies' })).statusCode, 404);
});

test('the admin surface serves the admin but no portal', async () => {
  assert.equal((await admin.inject({ url: '/admin/login' })).statusCode, 200);
  assert.equal((await admin.inject({ url: '/zhongxing/' })).statusCode, 404);
});
