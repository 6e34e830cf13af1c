/**
 * The one error that says "not now": the server is shedding load (pressure.ts) or an expensive class of requests
 * is at its limit (concurrency.ts). The error handler answers it with 503, `Retry-After` and the usual page.
 */
export class ServiceBusy extends Error {
  readonly statusCode = 503;
  readonly code = 'service.busy';

  constructor(
    /** Seconds after which the client may try again (the `Retry-After` header). */
    readonly retryAfterSeconds: number,
    /** Chinese message for the user. */
    message = '当前访问人数较多，系统繁忙，请稍后再试。',
  ) {
    super(message);
    this.name = 'ServiceBusy';
  }
}
