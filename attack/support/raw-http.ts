/**
 * HTTP/1.1 over a bare socket: the request is written byte for byte as given (a request line fetch would
 * re-encode, headers node:http would refuse, a body shorter or longer than its Content-Length), and only the
 * status line and the body of the answer are read back. One connection per request, `Connection: close`.
 */
import { connect } from 'node:net';

export interface RawRequest {
  method: string;
  /** The request target exactly as sent: it may be bad percent-encoding, raw UTF-8, overlong. */
  target: string;
  headers: Array<[string, string]>;
  body?: Buffer;
  /** Send the headers as given: no Host, Content-Length or Connection added. */
  verbatim?: boolean;
  /** End the sending side after the bytes (a body shorter than promised then never comes). */
  halfClose?: boolean;
}

export interface RawAnswer {
  /** The status, or 0 when the server closed the connection without answering. */
  status: number;
  body: string;
  /** The answer's bytes did not arrive within the time allowed. */
  timedOut: boolean;
}

export function serialize(host: string, r: RawRequest): Buffer {
  const headers = [...r.headers];
  if (!r.verbatim) {
    const has = (n: string) => headers.some(([k]) => k.toLowerCase() === n);
    if (!has('host')) headers.unshift(['Host', host]);
    if (r.body && !has('content-length') && !has('transfer-encoding'))
      headers.push(['Content-Length', String(r.body.length)]);
    if (!has('connection')) headers.push(['Connection', 'close']);
  }
  const head = `${r.method} ${r.target} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), r.body ?? Buffer.alloc(0)]);
}

/** Sends one request to 127.0.0.1:port; resolves with what came back once the server closes or time runs out. */
export function send(port: number, request: RawRequest, timeoutMs = 15_000): Promise<RawAnswer> {
  const bytes = serialize(`127.0.0.1:${port}`, request);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (timedOut: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const bodyAt = text.indexOf('\r\n\r\n');
      resolve({ status: m ? Number(m[1]) : 0, body: bodyAt < 0 ? '' : text.slice(bodyAt + 4), timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('error', () => finish(false));
    socket.write(bytes);
    if (request.halfClose) socket.end();
  });
}
