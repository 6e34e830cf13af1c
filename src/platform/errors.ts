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
