import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';

test('defaults give an embedded SQLite platform on port 3000', () => {
  const c = loadConfig({});
  assert.equal(c.http.port, 3000);
  assert.deepEqual(c.database, { kind: 'sqlite', path: './data/gongkai.sqlite' });
  assert.equal(c.demoData, true);
});

test('DATABASE_URL selects PostgreSQL', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/gk', DATA_KEY: 'ab'.repeat(32) });
  assert.deepEqual(c.database, { kind: 'postgres', url: 'postgres://u:p@localhost/gk' });
});

test('a bad configuration lists every problem in one message', () => {
  try {
    loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', DEMO_DATA: 'maybe', DATA_KEY: 'short' });
    assert.fail('should have thrown');
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    assert.equal(e.problems.length, 4);
    for (const key of ['PORT', 'DATABASE_URL', 'DEMO_DATA', 'DATA_KEY'])
      assert.match(e.message, new RegExp(key));
  }
});

test('production requires a data key, and the admin port must differ', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /DATA_KEY/);
  assert.throws(() => loadConfig({ PORT: '3000', ADMIN_PORT: '3000' }), /ADMIN_PORT/);
});

test('issue 21: production loads no demo by default and refuses DEMO_DATA=true', () => {
  const key = 'ab'.repeat(32);
  assert.equal(loadConfig({ NODE_ENV: 'production', DATA_KEY: key }).demoData, false);
  assert.equal(loadConfig({ NODE_ENV: 'production', DATA_KEY: key, DEMO_DATA: 'false' }).demoData, false);
  assert.equal(loadConfig({ NODE_ENV: 'development' }).demoData, true);
  assert.equal(loadConfig({ DEMO_DATA: 'false' }).demoData, false);
  for (const on of ['true', '1', 'yes']) {
    try {
      loadConfig({ NODE_ENV: 'production', DATA_KEY: key, DEMO_DATA: on });
      assert.fail('should have thrown');
    } catch (e) {
      assert.ok(e instanceof ConfigError);
      assert.deepEqual(e.problems.length, 1);
      assert.match(e.message, /DEMO_DATA: 生产环境不能载入演示数据/);
    }
  }
});

test('issue 21: PostgreSQL needs DATA_KEY before anything is written, in development too', () => {
  for (const env of ['development', 'test'] as const) {
    try {
      loadConfig({ NODE_ENV: env, DATABASE_URL: 'postgres://u:p@localhost/gk' });
      assert.fail('should have thrown');
    } catch (e) {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, /DATA_KEY: 使用 PostgreSQL（DATABASE_URL）时必须设置个人信息加密密钥/);
    }
  }
  // SQLite in development keeps a generated key beside the file (src/app/main.ts).
  assert.equal(loadConfig({}).dataKey, undefined);
});

test('load shedding and expensive-request limits have defaults and refuse bad values in Chinese', () => {
  const c = loadConfig({});
  assert.deepEqual(c.pressure, {
    maxEventLoopDelayMs: 200,
    maxEventLoopUtilization: 0,
    sampleMs: 500,
    retryAfterSeconds: 5,
  });
  assert.deepEqual(c.concurrency, { search: 4, export: 2, pdf: 2, queue: 8 });
  assert.equal(loadConfig({ PRESSURE_MAX_HEAP_MB: '0' }).pressure.maxHeapMb, 0);
  try {
    loadConfig({
      PRESSURE_MAX_EVENT_LOOP_UTILIZATION: '1.5',
      PRESSURE_SAMPLE_MS: '5',
      SEARCH_CONCURRENCY: '0',
      EXPENSIVE_QUEUE: 'many',
    });
    assert.fail('should have thrown');
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    assert.equal(e.problems.length, 4);
    assert.match(e.message, /PRESSURE_MAX_EVENT_LOOP_UTILIZATION: 应在 0–1 之间/);
    assert.match(e.message, /PRESSURE_SAMPLE_MS: 应在 50–10000 之间/);
    assert.match(e.message, /SEARCH_CONCURRENCY: 应在 1–1000 之间/);
    assert.match(e.message, /EXPENSIVE_QUEUE: 应为排队数/);
  }
});
