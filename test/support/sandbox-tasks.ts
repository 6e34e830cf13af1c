/**
 * Tasks for the sandbox pool's tests (src/platform/sandbox/pool.test.ts), run in its child processes: they
 * echo, fail, spin, hold memory and crash, so the pool's limits and recovery can be seen.
 */
import { DomainError } from '../../src/platform/errors.js';
import type { ParseLimits } from '../../src/platform/sandbox/limits.js';

export const echo = (input: unknown, limits: ParseLimits) => ({ input, limits, pid: process.pid });

export const refuse = (message: string) => {
  throw new DomainError('validation.failed', message, { file: message });
};

/** Never returns: only the wall-clock limit stops it. */
export const spin = () => {
  for (;;) {
    /* busy */
  }
};

/** Allocates buffers outside the V8 heap (as an inflating reader does) until killed. */
export const hoard = () => {
  const kept: Buffer[] = [];
  for (;;) kept.push(Buffer.alloc(16 * 1024 * 1024, 1));
};

export const crash = () => process.exit(3);
