/**
 * What every use case needs: the database and the configuration. Built once in the composition root
 * (src/app/main.ts) and handed to the web app, the CLI and the jobs alike.
 */
import type { Config } from '../config.js';
import type { DatabaseHandle, Db } from './db/database.js';

export interface AppContext {
  db: Db;
  dialect: DatabaseHandle['dialect'];
  config: Config;
  /** The current instant; replaceable in tests of time-dependent rules. */
  now: () => Date;
}

/**
 * The context as it stood on a legal day at 10:00 Beijing time (02:00 UTC), for loaders that replay a past
 * day's work (the demo). Never later than the context's own now: on today's legal day before 10:00 the
 * clock stops at now, so nothing is stamped in the future.
 */
export function contextOnDay<C extends AppContext>(ctx: C, day: string): C {
  const at = Math.min(Date.parse(`${day}T02:00:00.000Z`), ctx.now().getTime());
  return { ...ctx, now: () => new Date(at) };
}
