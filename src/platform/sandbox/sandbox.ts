/**
 * The process's one sandbox pool (pool.ts), with the limits of the configuration (PARSE_* in .env.example) — the
 * same for the server and the CLI — or the defaults when the configuration cannot be read. Features run their readers through `runSandboxed`, naming the
 * task by its module URL (`new URL('./x.task.ts', import.meta.url).href`) and export.
 */
import { loadConfig, type Config } from '../../config.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.js';
import { SandboxPool } from './pool.js';

export interface SandboxSettings {
  limits: ParseLimits;
  workers: number;
}

function sandboxSettings(parsing: Config['parsing']): SandboxSettings {
  return {
    limits: {
      ...DEFAULT_PARSE_LIMITS,
      maxExpandedBytes: parsing.maxExpandedMb * 1024 * 1024,
      maxPdfPages: parsing.maxPdfPages,
      timeoutMs: parsing.timeoutSeconds * 1000,
      memoryMb: parsing.memoryMb,
    },
    workers: parsing.workers,
  };
}

function configured(): SandboxSettings {
  try {
    return sandboxSettings(loadConfig().parsing);
  } catch {
    return { limits: DEFAULT_PARSE_LIMITS, workers: 2 };
  }
}

let pool: SandboxPool | undefined;

export const sandboxPool = (): SandboxPool => (pool ??= new SandboxPool(configured()));

/** Runs a reader in a child process of the pool, within its limits. */
export const runSandboxed = <T>(module: string, fn: string, input: unknown): Promise<T> =>
  sandboxPool().run<T>(module, fn, input);
