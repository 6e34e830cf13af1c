/**
 * The page for the one error that says "not now" (ServiceBusy, src/platform/errors.ts): shedding (pressure.ts), a
 * full expensive class (concurrency.ts) or a full sandbox queue. The error handler answers it with sendBusy: 503, `Retry-After` and the usual page
 * (JSON under /api). A refusal must cost far less than the work it spares, so each page is rendered once.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { ServiceBusy } from '../platform/errors.js';
import { PlainShell } from './views/layout.js';

const pages = new Map<string, string>();

function busyPage(text: string, elderMode: boolean): string {
  const key = `${elderMode ? 'elder' : 'standard'}|${text}`;
  let page = pages.get(key);
  if (page === undefined) {
    // The mode switch goes back to the home page: the same bytes serve every refused path.
    page = `<!DOCTYPE html>${renderToString(
      <PlainShell title="系统繁忙 - 政府信息公开平台" elderMode={elderMode} path="/">
        <h1>系统繁忙</h1>
        <p>{text}</p>
        <p>
          <a href="/">返回首页</a>
        </p>
      </PlainShell>,
    )}`;
    pages.set(key, page);
  }
  return page;
}

export function sendBusy(request: FastifyRequest, reply: FastifyReply, error: ServiceBusy, json: boolean) {
  const text = `${error.message}（约 ${error.retryAfterSeconds} 秒后可重试）`;
  void reply.status(503).header('retry-after', String(error.retryAfterSeconds));
  if (json) return reply.send({ error: { status: 503, code: error.code, message: text } });
  return reply.type('text/html; charset=utf-8').send(busyPage(text, request.elderMode));
}
