/** Load helpers for HTTP benchmarks: autocannon against loopback, bounded in time. */
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';

export async function listenLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

/** Requests per second at `url` (mean over the run), failing loudly on any non-2xx answer. */
export async function requestsPerSecond(url: string, seconds: number, connections = 10): Promise<number> {
  const result = await autocannon({ url, connections, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

/** The reference: a bare Fastify route sending a small HTML page, with no database and no rendering. */
export async function bareFastify(): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false });
  bare.get('/', async (_req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send('<!DOCTYPE html><html lang="zh-CN"><title>bare</title><p>ok</p></html>'),
  );
  const url = await listenLoopback(bare);
  return { url: `${url}/`, close: () => bare.close() };
}
