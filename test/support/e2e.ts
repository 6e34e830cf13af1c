/**
 * The usual end-to-end set-up: a fresh SQLite database with the demo data, the real app on a loopback port,
 * and Debian's Chromium — started before the file's tests and closed after them.
 */
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import type { AppContext } from '../../src/platform/context.js';
import type { DatabaseHandle } from '../../src/platform/db/database.js';
import { launchChromium, listen } from './browser.js';
import { freshDatabase } from './db.js';
import { demoApp } from './http.js';

export interface DemoPlatform {
  base: string;
  browser: Browser;
  app: FastifyInstance;
  ctx: AppContext;
}

export function demoPlatform(): DemoPlatform {
  const state = {} as DemoPlatform & { handle: DatabaseHandle };
  before(async () => {
    state.handle = await freshDatabase('sqlite');
    ({ app: state.app, ctx: state.ctx } = await demoApp(state.handle));
    state.base = await listen(state.app);
    state.browser = await launchChromium();
  });
  after(async () => {
    await state.browser?.close();
    await state.app?.close();
    await state.handle?.close();
  });
  return state;
}
