import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';

const trust = (v?: string) => loadConfig(v === undefined ? {} : { TRUST_PROXY: v }).http.trustProxy;

test('TRUST_PROXY: unset, false or 0 is no proxy; a number is a hop count; a list is addresses or CIDRs', () => {
  assert.equal(trust(), false);
  assert.equal(trust('false'), false);
  assert.equal(trust('0'), false);
  assert.equal(trust('1'), 1, '1 is one hop, not true');
  assert.equal(trust('2'), 2);
  assert.deepEqual(trust('10.0.0.5, 10.0.0.0/8,::1,fd00::/8'), ['10.0.0.5', '10.0.0.0/8', '::1', 'fd00::/8']);
  assert.deepEqual(trust('127.0.0.1'), ['127.0.0.1']);
});

test('TRUST_PROXY=true (or yes) refuses to start and says what to write instead', () => {
  for (const v of ['true', 'TRUE', 'yes']) {
    assert.throws(
      () => trust(v),
      (e) =>
        e instanceof ConfigError &&
        /TRUST_PROXY: 不能设为 true.*代理层数（如 1）.*10\.0\.0\.5/.test(e.message),
    );
  }
});

test('TRUST_PROXY refuses what is neither a hop count nor addresses', () => {
  for (const v of ['abc', '10.0.0.0/33', '10.0.0.1,', '300.1.1.1', '11', '-1']) {
    assert.throws(() => trust(v), ConfigError, v);
  }
});
