import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { DomainError, conflict, validationFailed } from '../platform/errors.js';
import { formRoute } from './form-route.js';

const app = (run: () => Promise<{ id: string }>, refusals?: string[]) => {
  const server = Fastify();
  server.post('/things', async (_request, reply) =>
    formRoute(reply, {
      run,
      redirect: ({ id }) => `/things/${id}`,
      again: (e) => reply.code(422).send({ fields: e.fields, summary: e.message }),
      refusals,
    }),
  );
  return server;
};

test('success answers 303 to the redirect; a refusal renders the form again; other errors propagate', async () => {
  const ok = await app(async () => ({ id: 'a1' })).inject({ method: 'POST', url: '/things' });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/things/a1');

  const refused = await app(async () => {
    throw validationFailed({ title: '请填写标题' }, '请修改');
  }).inject({ method: 'POST', url: '/things' });
  assert.equal(refused.statusCode, 422);
  assert.deepEqual(refused.json(), { fields: { title: '请填写标题' }, summary: '请修改' });

  const other = await app(async () => {
    throw conflict('已存在');
  }).inject({ method: 'POST', url: '/things' });
  assert.equal(other.statusCode, 500);

  const named = await app(async () => {
    throw new DomainError('conflict', '已存在');
  }, ['validation.failed', 'conflict']).inject({ method: 'POST', url: '/things' });
  assert.equal(named.statusCode, 422);
});
