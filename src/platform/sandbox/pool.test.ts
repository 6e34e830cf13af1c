import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.js';
import { DEFAULT_PARSE_LIMITS, LimitExceeded } from './limits.js';
import { SandboxPool } from './pool.js';

const TASKS = new URL('../../../test/support/sandbox-tasks.ts', import.meta.url).href;
const limits = { ...DEFAULT_PARSE_LIMITS, timeoutMs: 1500, memoryMb: 300 };

test('a task runs in another process with the limits; domain errors keep their code and fields', async () => {
  const pool = new SandboxPool({ limits, workers: 1 });
  try {
    const out = await pool.run<{ input: unknown; limits: typeof limits; pid: number }>(TASKS, 'echo', {
      bytes: new Uint8Array([1, 2, 3]),
    });
    assert.notEqual(out.pid, process.pid);
    assert.deepEqual(out.input, { bytes: new Uint8Array([1, 2, 3]) });
    assert.equal(out.limits.timeoutMs, 1500);
    await assert.rejects(pool.run(TASKS, 'refuse', '表格无法读取'), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.code, 'validation.failed');
      assert.deepEqual(e.fields, { file: '表格无法读取' });
      return true;
    });
  } finally {
    await pool.close();
  }
});

test('past the wall clock the child is killed: LimitExceeded naming the seconds; the next job runs', async () => {
  const pool = new SandboxPool({ limits, workers: 1 });
  try {
    const t = performance.now();
    await assert.rejects(pool.run(TASKS, 'spin', null), (e: unknown) => {
      assert.ok(e instanceof LimitExceeded);
      assert.equal(e.limit, 'timeoutMs');
      assert.match(e.message, /读取文件超过 2 秒，已停止读取/);
      return true;
    });
    // The clock starts once the child is ready; a cold start here is a second or two at most.
    assert.ok(performance.now() - t < 10_000);
    const out = await pool.run<{ input: unknown }>(TASKS, 'echo', 'again');
    assert.equal(out.input, 'again');
  } finally {
    await pool.close();
  }
});

test('memory outside the V8 heap past the cap: the child is killed, LimitExceeded names the MB', async () => {
  const pool = new SandboxPool({ limits: { ...limits, timeoutMs: 20_000 }, workers: 1 });
  try {
    await assert.rejects(pool.run(TASKS, 'hoard', null), (e: unknown) => {
      assert.ok(e instanceof LimitExceeded);
      assert.equal(e.limit, 'memoryMb');
      assert.match(e.message, /占用内存超过 300 MB/);
      return true;
    });
  } finally {
    await pool.close();
  }
});

test('a child that dies is an unreadable file, not a dead pool; a full queue is refused as busy', async () => {
  const pool = new SandboxPool({ limits, workers: 1, maxQueue: 1 });
  try {
    await assert.rejects(pool.run(TASKS, 'crash', null), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.code, 'input.unreadable');
      return true;
    });
    const first = pool.run(TASKS, 'echo', 1);
    const second = pool.run(TASKS, 'echo', 2);
    await assert.rejects(pool.run(TASKS, 'echo', 3), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.code, 'service.busy');
      return true;
    });
    assert.deepEqual(
      (await Promise.all([first, second])).map((o) => (o as { input: number }).input),
      [1, 2],
    );
  } finally {
    await pool.close();
  }
});
