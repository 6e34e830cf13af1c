/**
 * One catalogue of domain errors. A domain error carries a stable code and a Chinese message
 * for the user; it knows nothing of HTTP. The web layer maps codes to status and page in one place
 * (src/web/error-handler.ts), the CLI prints the message and exits non-zero.
 */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    /** Stable, dotted code, e.g. `validation.failed`, `auth.forbidden`, `request.transition_refused`. */
    readonly code: string,
    /** Chinese message for the user. */
    message: string,
    /** Per-field messages in Chinese, for form error summaries. */
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validationFailed = (fields: FieldErrors, message = '提交的内容有误，请按提示修改后重新提交。') =>
  new DomainError('validation.failed', message, fields);

export const notFound = (what: string) => new DomainError('not_found', `未找到${what}。`);

export const forbidden = (message = '您没有权限执行此操作。') => new DomainError('auth.forbidden', message);

export const conflict = (message: string) => new DomainError('conflict', message);

/**
 * "Not now": the server is shedding load (src/web/pressure.ts), an expensive class of requests is full
 * (src/web/concurrency.ts) or the sandbox's queue of files to read is full (src/platform/sandbox/pool.ts). The
 * web answers it with 503, `Retry-After` and the busy page (src/web/busy.tsx).
 */
export class ServiceBusy extends DomainError {
  readonly statusCode = 503;

  constructor(
    /** Seconds after which the client may try again (the `Retry-After` header). */
    readonly retryAfterSeconds: number,
    message = '当前访问人数较多，系统繁忙，请稍后再试。',
  ) {
    super('service.busy', message);
    this.name = 'ServiceBusy';
  }
}
