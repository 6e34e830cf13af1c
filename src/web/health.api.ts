/**
 * Probes. `/healthz` is for the process supervisor: 200 while the process serves and the database answers, even
 * under pressure (restarting a node because it is busy would only take capacity away), with the pressure figures
 * in its body. `/readyz` is for a load balancer: 503 with `Retry-After` while the node sheds load or the database
 * does not answer, so traffic goes to other nodes. Neither is shed (pressure.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import { pressureOf } from './pressure.js';

/** The cheapest query: one row of the one table every installation has. */
async function databaseAnswers(ctx: AppContext): Promise<boolean> {
  try {
    await ctx.db.selectFrom('agencies').select('id').limit(1).execute();
    return true;
  } catch {
    return false;
  }
}

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', async (_request, reply) => {
    const pressure = pressureOf(app);
    if (!(await databaseAnswers(ctx)))
      return reply.status(503).send({ status: 'unavailable', database: ctx.dialect, pressure });
    return { status: 'ok', database: ctx.dialect, pressure };
  });

  app.get('/readyz', async (_request, reply) => {
    const pressure = pressureOf(app);
    const database = await databaseAnswers(ctx);
    if (database && !pressure.underPressure) return { status: 'ready', database: ctx.dialect, pressure };
    return reply
      .status(503)
      .header('retry-after', String(ctx.config.pressure.retryAfterSeconds))
      .send({ status: database ? 'busy' : 'unavailable', database: ctx.dialect, pressure });
  });
}
