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
import { agenciesStore } from '../access/agencies.store.js';

/** What an empty platform prints on start: the first day without the demo (README, 生产部署). */
const firstDayHelp = `数据库中还没有任何机关和账号。请按以下步骤建立本单位的平台（详见 README“生产部署”一节）：
  1. 建立机关：整棵机关树用 npx gongkai agency import 机关.xlsx 一次导入（npx gongkai agency template 机关.xlsx 生成模板），
     或逐个新增：npx gongkai agency add --name 某某县人民政府 --credit-code … --level 县 --path … --office 某某县人民政府办公室 --review-body 某某市人民政府
  2. 创建第一位平台管理员：GONGKAI_PASSWORD='至少10位的强密码' npx gongkai user add --username admin --name 平台管理员 --agency 某某县人民政府 --role platform_admin
  3. 用该账号登录管理后台 /admin/，再在“账号管理”中添加其他账号。`;

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
  // Every setting is settled before anything is written (the key file, then migrations; issue 21).
  const dataKey = developmentDataKey(config);
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
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
  if ((await agenciesStore.count(ctx.db)) === 0) console.log(firstDayHelp);
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
