/**
 * The loop of a sandbox child process (pool.ts; entry child.mjs): runs one task at a time — a named export of a module the parent names,
 * given the input and the limits — and answers with its value or its error. The parent, not this process,
 * enforces time and memory: a child that overruns is killed, and only this process dies.
 */
import { DomainError } from '../errors.js';
import type { ParseLimits } from './limits.js';

interface Job {
  id: number;
  module: string;
  fn: string;
  input: unknown;
  limits: ParseLimits;
}

type Task = (input: unknown, limits: ParseLimits) => unknown;

// Each import() passes through the loader hooks' thread (tsx): a module is imported once per child.
const modules = new Map<string, Promise<Record<string, Task | undefined>>>();

async function run(job: Job): Promise<unknown> {
  let imported = modules.get(job.module);
  if (!imported) modules.set(job.module, (imported = import(job.module)));
  const mod = await imported;
  const task = mod[job.fn];
  if (typeof task !== 'function') throw new Error(`no task ${job.fn} in ${job.module}`);
  return task(job.input, job.limits);
}

process.on('message', (job: Job) => {
  run(job).then(
    (value) => process.send?.({ id: job.id, ok: true, value }),
    (e: unknown) => {
      const error =
        e instanceof DomainError
          ? {
              domain: true,
              code: e.code,
              message: e.message,
              fields: e.fields,
              limit: (e as { limit?: string }).limit,
            }
          : { domain: false, code: 'internal', message: e instanceof Error ? e.message : String(e) };
      process.send?.({ id: job.id, ok: false, error });
    },
  );
});
process.send?.({ ready: true });
