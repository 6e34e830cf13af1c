/**
 * Concurrency limits for expensive requests, so a flood of them cannot starve the portal: full-text search
 * (pages and API), exports (XLSX, DOCX) and PDF rendering each have a small semaphore (SEARCH_CONCURRENCY,
 * EXPORT_CONCURRENCY, PDF_CONCURRENCY) and a short queue (EXPENSIVE_QUEUE). A request of a class whose slots
 * are taken and whose queue is full answers 503 with `Retry-After` and the usual page at once, which costs far
 * less than the work it would have queued; so does one while the event loop is over half its delay threshold
 * (registerExpensiveLimits). A route wraps its expensive part: `await limited(request, 'search',
 * () => runSearch(…))`; the slot is held while the work runs, not while the answer is sent.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { ServiceBusy } from '../platform/errors.js';

export type ExpensiveKind = 'search' | 'export' | 'pdf';

const busyMessages: Record<ExpensiveKind, string> = {
  search: '当前检索的人较多，系统繁忙，请稍后再试。',
  export: '当前导出文件的请求较多，系统繁忙，请稍后再试。',
  pdf: '当前生成 PDF 文件的请求较多，系统繁忙，请稍后再试。',
};

/** At most `limit` holders at once and `queue` waiting in order; beyond that, acquiring is refused. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly queue: number,
  ) {}

  /** A promise of the release function, or undefined when every slot is taken and the queue is full. */
  tryAcquire(): Promise<() => void> | undefined {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queue) return undefined;
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // The slot passes straight to the first in line, or frees up.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

export class ExpensiveLimits {
  readonly semaphores: Record<ExpensiveKind, Semaphore>;

  constructor(
    limits: Config['concurrency'],
    readonly retryAfterSeconds: number,
    /** True while the loop is strained: expensive work is refused before the rest is shed (pressure.ts). */
    private readonly strained: () => boolean = () => false,
  ) {
    this.semaphores = {
      search: new Semaphore(limits.search, limits.queue),
      export: new Semaphore(limits.export, limits.queue),
      pdf: new Semaphore(limits.pdf, limits.queue),
    };
  }

  /** Runs `work` within a slot of `kind`; throws ServiceBusy (503) when the class is full. */
  async run<T>(kind: ExpensiveKind, work: () => Promise<T> | T): Promise<T> {
    const slot = this.strained() ? undefined : this.semaphores[kind].tryAcquire();
    if (!slot) throw new ServiceBusy(this.retryAfterSeconds, busyMessages[kind]);
    const release = await slot;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    expensiveLimits?: ExpensiveLimits;
  }
}

/**
 * On SQLite a search runs from start to end without yielding, so its semaphore rarely sees a second one: what
 * keeps a flood of them from starving the portal there is that expensive work is refused from half the
 * event-loop delay threshold on, before ordinary pages are shed at the threshold. Call after registerPressure.
 */
export function registerExpensiveLimits(app: FastifyInstance, config: Config): void {
  const half = config.pressure.maxEventLoopDelayMs / 2;
  const strained = () => half > 0 && app.memoryUsage().eventLoopDelay > half;
  app.decorate(
    'expensiveLimits',
    new ExpensiveLimits(config.concurrency, config.pressure.retryAfterSeconds, strained),
  );
}

/** Runs the expensive part of a request within its class's limit (unlimited on an app without limits). */
export function limited<T>(
  request: FastifyRequest,
  kind: ExpensiveKind,
  work: () => Promise<T> | T,
): Promise<T> {
  const limits = request.server.expensiveLimits;
  return limits ? limits.run(kind, work) : (async () => work())();
}
