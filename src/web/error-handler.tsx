/**
 * The one place where domain errors become HTTP: status by code, then a page (or JSON under /api).
 * 5xx details are logged, never shown.
 *
 * A request the platform cannot read is the sender's fault, never a 500: any error that carries a 4xx status
 * (Fastify's body parsers: bad JSON, unsupported or missing content type, body over the limit, bad
 * Content-Length; @fastify/multipart's limits; src/web/uploads.ts's MalformedMultipart for a broken multipart
 * body) answers that status with the usual Chinese page, and is not logged as an unhandled error. A URL the
 * router cannot decode (bad percent-encoding, an overlong parameter) comes here through Fastify's
 * `frameworkErrors`; a request Node's HTTP parser rejects (broken framing, headers too large) never becomes a
 * request and is answered on the socket by handleClientError, in Chinese too.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ServiceBusy } from '../platform/errors.js';
import { sendBusy } from './busy.js';
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
};

export function statusOf(code: string): number {
  return statusByCode[code] ?? (code.endsWith('.refused') || code.includes('transition') ? 409 : 400);
}

/** What the page says for a request refused before it reached the route (title, message). */
const clientErrorText: Record<number, [string, string]> = {
  400: ['请求有误', '请求的格式不正确，请返回上一页重试。'],
  413: ['提交的内容过大', '提交的内容超过了允许的大小或数量，请删减后重新提交。'],
  414: ['网址过长', '您访问的网址过长，请检查后重试。'],
  415: ['提交格式不受支持', '不支持以这种格式提交，请通过页面上的表单提交。'],
  429: ['请求过于频繁', '您的操作过于频繁，请稍后再试。'],
};

/** The 4xx status of an error that is the sender's (a parse error, a limit), or undefined for a server fault. */
function clientStatusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
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
  if (error instanceof ServiceBusy) return sendBusy(request, reply, error, wantsJson(request));
  if (error instanceof DomainError) {
    const status = statusOf(error.code);
    if (wantsJson(request)) {
      return reply
        .status(status)
        .send({ error: { code: error.code, message: error.message, fields: error.fields } });
    }
    return errorPage(request, reply, status, status === 403 ? '无法完成操作' : '请求未能完成', error.message);
  }
  const status = clientStatusOf(error);
  if (status !== undefined) {
    const [title, message] = clientErrorText[status] ?? clientErrorText[400]!;
    return errorPage(request, reply, status, title, message);
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

const clientErrorAnswer: Record<string, [number, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', '请求超时，请重试。'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', '请求头过大，请清除本站 Cookie 后重试。'],
};

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the bytes (no request exists, so no page and no
 * log at info): a short Chinese answer on the socket, which is then closed, as Fastify's default does in English.
 */
export function handleClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, text] = clientErrorAnswer[error.code ?? ''] ?? [
    400,
    'Bad Request',
    '请求的格式不正确。',
  ];
  if (socket.writable) {
    const body = Buffer.from(`${text}\n`);
    const head =
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    socket.write(Buffer.concat([Buffer.from(head), body]));
  }
  socket.destroy(error);
}
