/**
 * The process entry: configuration → database (migrated) → context → HTTP servers and jobs, with the services
 * built by the composition root (src/app/services.ts). `startPlatform` is what `gongkai serve` and `npm start` run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import { loadDemo } from '../demo/load-demo.js';
import type { AppContext } from '../platform/context.js';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { startScheduler } from '../platform/jobs.js';
import { sandboxPool } from '../platform/sandbox/sandbox.js';
import { jobs } from './jobs.js';
import { buildApp } from '../web/app.js';
import type { Services } from './services.js';
import { useFullTextSearch } from '../search/catalog-search.js';
import { demoPassword, demoUsers } from '../demo/demo-agencies.js';

/** Where development keeps the personal-data key it generated: beside the SQLite file. */
export const developmentKeyFile = (sqlitePath: string): string => join(dirname(sqlitePath), 'data-key.txt');

/** In development a personal-data key is generated once and kept beside the SQLite file. */
function developmentDataKey(config: Config): string | undefined {
  if (config.dataKey || config.database.kind !== 'sqlite' || config.database.path === ':memory:')
    return config.dataKey;
  const file = developmentKeyFile(config.database.path);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export async function openContext(
  config: Config = loadConfig(),
): Promise<{ ctx: AppContext; handle: DatabaseHandle }> {
  useFullTextSearch();
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const dataKey = developmentDataKey(config);
  const ctx: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    config: dataKey ? { ...config, dataKey } : config,
    now: () => new Date(),
  };
  return { ctx, handle };
}

export async function startPlatform(
  config: Config,
  services: Services,
): Promise<{ stop: () => Promise<void> }> {
  const { ctx, handle } = await openContext(config);
  if (config.demoData && (await loadDemo(ctx, (l) => console.log(l)))) {
    console.log(`演示账号（密码均为 ${demoPassword}）：`);
    for (const u of demoUsers) console.log(`  ${u.username.padEnd(14)} ${u.displayName}`);
  }
  const servers: FastifyInstance[] = [];
  if (config.http.admin) {
    const pub = await buildApp(ctx, services, { surfaces: ['public'] });
    const admin = await buildApp(ctx, services, { surfaces: ['admin'] });
    await pub.listen({ host: config.http.host, port: config.http.port });
    await admin.listen({ host: config.http.admin.host, port: config.http.admin.port });
    servers.push(pub, admin);
    console.log(
      `门户：http://localhost:${config.http.port}/  管理后台：http://localhost:${config.http.admin.port}/admin/`,
    );
  } else {
    const app = await buildApp(ctx, services);
    await app.listen({ host: config.http.host, port: config.http.port });
    servers.push(app);
    console.log(
      `Gongkai 已启动：http://localhost:${config.http.port}/  管理后台：http://localhost:${config.http.port}/admin/`,
    );
  }
  console.log(
    `数据库：${config.database.kind === 'sqlite' ? `SQLite ${config.database.path}` : 'PostgreSQL'}`,
  );
  const stopJobs = config.jobsEnabled ? startScheduler(ctx, jobs) : async () => {};
  // The children that read uploaded files start now, so the first upload does not wait for one.
  sandboxPool().warm();
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Stop taking requests, let those in flight finish, then stop jobs and close the database.
      await Promise.all(servers.map((s) => s.close()));
      await stopJobs();
      await sandboxPool().close();
      await handle.close();
    })());
  return { stop };
}
