/**
 * The one place where domain errors become HTTP: status by code, then a page (or JSON under /api).
 * 5xx details are logged, never shown.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../platform/errors.js';
import { sendPage } from './render.js';
import { PlainShell } from './views/layout.js';

const statusByCode: Record<string, number> = {
  'validation.failed': 422,
  not_found: 404,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.required': 401,
  conflict: 409,
  rate_limited: 429,
  'input.limit_exceeded': 422,
  'input.unreadable': 422,
  'service.busy': 503,
};

export function statusOf(code: string): number {
  return statusByCode[code] ?? (code.endsWith('.refused') || code.includes('transition') ? 409 : 400);
}

const wantsJson = (request: FastifyRequest) =>
  request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');

function errorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: string,
  message: string,
) {
  if (wantsJson(request)) return reply.status(status).send({ error: { status, message } });
  return sendPage(
    reply,
    <PlainShell title={`${title} - 政府信息公开平台`} elderMode={request.elderMode} path={request.url}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </PlainShell>,
    status,
  );
}

export function handleError(error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    const status = statusOf(error.code);
    if (wantsJson(request)) {
      return reply
        .status(status)
        .send({ error: { code: error.code, message: error.message, fields: error.fields } });
    }
    return errorPage(request, reply, status, status === 403 ? '无法完成操作' : '请求未能完成', error.message);
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return errorPage(request, reply, 429, '请求过于频繁', '您的操作过于频繁，请稍后再试。');
  if (status >= 400 && status < 500) {
    return errorPage(request, reply, status, '请求有误', '请求的格式不正确，请返回上一页重试。');
  }
  request.log.error({ err: error }, 'unhandled error');
  return errorPage(
    request,
    reply,
    500,
    '系统繁忙',
    '服务器暂时无法处理您的请求，请稍后再试。如问题持续，请联系网站管理员。',
  );
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return errorPage(request, reply, 404, '页面不存在', '您访问的页面不存在或已被移除。');
}
