/**
 * What every use case needs: the database and the configuration. Built once in the composition root
 * (src/main.ts) and handed to the web app, the CLI and the jobs alike.
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
