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
  const c = loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/gk' });
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
