/**
 * A pool of child processes that read untrusted files (issue 20). A worker thread's resourceLimits cap only
 * its V8 heap — not the buffers a zip or PDF inflates into — and its memory counts in the server's own; a child
 * process is killed whole. Each job runs in one child with a wall-clock timeout, and the parent samples the
 * child's resident memory (Linux /proc) and kills it past the cap; the child's V8 heap is capped as well, for
 * systems without /proc. A killed child is replaced on the next job. Idle children do not keep the parent's
 * event loop alive, so the CLI exits when its work is done. Tasks are named by module URL and export, so this
 * folder imports no feature.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DomainError, ServiceBusy } from '../errors.js';
import { LimitExceeded, type LimitKind, type ParseLimits } from './limits.js';

export interface PoolOptions {
  limits: ParseLimits;
  /** Child processes reading at the same time. */
  workers: number;
  /** Jobs that may wait for a child; beyond this a job is refused as busy (503). */
  maxQueue?: number;
  /** Jobs a child runs before it is replaced (drops whatever a library leaked). */
  jobsPerChild?: number;
}

interface Job {
  module: string;
  fn: string;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  jobs: number;
  busy?: { id: number; job: Job; timer?: NodeJS.Timeout; watch: NodeJS.Timeout; killedFor?: LimitKind };
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { domain: boolean; code: string; message: string; fields?: Record<string, string>; limit?: string };
}

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));

/** A process's resident memory in MB (Linux /proc); 0 where it cannot be read. */
export function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** A full queue: busy for about as long as one file may take to read. */
const busy = (limits: ParseLimits) =>
  new ServiceBusy(Math.ceil(limits.timeoutMs / 1000), '正在读取的文件较多，系统繁忙，请稍后再试。');

export class SandboxPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly options: PoolOptions) {}

  get limits(): ParseLimits {
    return this.options.limits;
  }

  /** Runs `fn(input, limits)` exported by `module` (a file URL) in a child; its value, or its error. */
  run<T>(module: string, fn: string, input: unknown): Promise<T> {
    if (this.closed) return Promise.reject(new Error('sandbox pool closed'));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { module, fn, input, resolve: resolve as (v: unknown) => void, reject };
      if (this.queue.length >= (this.options.maxQueue ?? 50)) return reject(busy(this.limits));
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Starts the children ahead of the first job (the server does, so the first upload does not wait). */
  warm(): void {
    while (this.all.size < this.options.workers) this.idle.push(this.spawn());
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.all) w.child.kill('SIGKILL');
    this.all.clear();
    this.idle.length = 0;
  }

  private spawn(): Worker {
    const child = fork(CHILD, [], {
      execArgv: [`--max-old-space-size=${this.limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let ready!: () => void;
    const worker: Worker = { child, jobs: 0, ready: new Promise<void>((r) => (ready = r)) };
    child.on('message', (m: Reply | { ready: true }) => {
      if ('ready' in m) return ready();
      this.settle(worker, m);
    });
    child.once('exit', (code, signal) => this.exited(worker, code, signal));
    child.on('error', () => {});
    this.all.add(worker);
    this.sleep(worker);
    return worker;
  }

  /** An idle child must not keep the process alive. */
  private sleep(w: Worker) {
    w.child.unref();
    (w.child.channel as { unref?: () => void } | undefined)?.unref?.();
  }

  private wake(w: Worker) {
    w.child.ref();
    (w.child.channel as { ref?: () => void } | undefined)?.ref?.();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let worker = this.idle.pop();
      if (!worker && this.all.size < this.options.workers) worker = this.spawn();
      if (!worker) return;
      this.start(worker, this.queue.shift()!);
    }
  }

  private start(w: Worker, job: Job): void {
    const id = this.nextId++;
    this.wake(w);
    const kill = (why: LimitKind) => {
      if (!w.busy || w.busy.id !== id) return;
      w.busy.killedFor = why;
      w.child.kill('SIGKILL');
    };
    const watch = setInterval(() => {
      if (rssMb(w.child.pid) > this.limits.memoryMb) kill('memoryMb');
    }, 100);
    w.busy = { id, job, watch };
    // The clock starts once the child is ready: a cold start is not the file's time.
    void w.ready.then(() => {
      if (w.busy?.id !== id) return;
      w.busy.timer = setTimeout(() => kill('timeoutMs'), this.limits.timeoutMs);
      w.child.send({ id, module: job.module, fn: job.fn, input: job.input, limits: this.limits });
    });
  }

  private finish(w: Worker): Job | undefined {
    const busy = w.busy;
    if (!busy) return undefined;
    clearTimeout(busy.timer);
    clearInterval(busy.watch);
    w.busy = undefined;
    return busy.job;
  }

  private settle(w: Worker, reply: Reply): void {
    if (w.busy?.id !== reply.id) return;
    const job = this.finish(w)!;
    w.jobs++;
    if (w.jobs >= (this.options.jobsPerChild ?? 200)) {
      this.all.delete(w);
      w.child.kill('SIGKILL');
    } else {
      this.sleep(w);
      this.idle.push(w);
    }
    if (reply.ok) job.resolve(reply.value);
    else job.reject(errorOf(reply.error!, this.limits));
    this.dispatch();
  }

  private exited(w: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    this.all.delete(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    const killedFor = w.busy?.killedFor;
    const job = this.finish(w);
    if (job) {
      // V8 aborts a child whose heap passes --max-old-space-size: that is the memory limit too.
      const limit: LimitKind | undefined =
        killedFor ?? (signal === 'SIGABRT' || code === 134 ? 'memoryMb' : undefined);
      job.reject(
        limit
          ? new LimitExceeded(limit, this.limits)
          : new DomainError('input.unreadable', '读取文件的进程意外退出，未能读取该文件。'),
      );
    }
    if (!this.closed) this.dispatch();
  }
}

function errorOf(error: NonNullable<Reply['error']>, limits: ParseLimits): Error {
  if (error.limit) return new LimitExceeded(error.limit as LimitKind, limits);
  if (error.domain) return new DomainError(error.code, error.message, error.fields ?? {});
  return new Error(error.message);
}
