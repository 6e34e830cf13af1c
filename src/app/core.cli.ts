/** Core subcommands: serve, migrate, demo, user add; and `withContext`, which the program hands to the others. */
import type { Command } from 'commander';
import { addUser } from '../agencies/add-user.js';
import { roles, systemActor, type Role } from '../platform/actor.js';
import { loadConfig } from '../config.js';
import { loadDemo } from '../demo/load-demo.js';
import { openContext } from './main.js';
import { validationFailed } from '../platform/errors.js';
import { resolveAgency, type WithContext } from '../cli/kit.js';

/** Opens the configured database (migrated), runs `fn`, and always closes it; handed to each capability. */
export const withContext: WithContext = async (fn) => {
  const { ctx, handle } = await openContext(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await handle.close();
  }
};

/** `serve` starts the platform over the composition root's services (given by the program, cli.ts). */
export function registerCoreCommands(
  program: Command,
  serve: () => Promise<{ stop: () => Promise<void> }>,
): void {
  program
    .command('serve')
    .description('启动平台（门户、管理后台、API 和定时任务）')
    .action(async () => {
      const { stop } = await serve();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          console.log(`收到 ${signal}，正在停止…`);
          void stop().then(() => process.exit(0));
        });
      }
    });

  program
    .command('migrate')
    .description('将数据库迁移到最新结构')
    .action(async () => {
      await withContext(async () => {
        console.log('数据库已是最新结构。');
      });
    });

  program
    .command('demo')
    .description('载入演示数据（仅当数据库中还没有机关时）')
    .action(async () => {
      await withContext(async (ctx) => {
        const loaded = await loadDemo(ctx, (l) => console.log(l));
        if (!loaded) console.log('数据库中已有机关，未载入演示数据。');
      });
    });

  const user = program.command('user').description('管理账号');
  user
    .command('add')
    .description(
      '新建账号，如：gongkai user add --username admin --name 管理员 --agency 固镇县人民政府 --role platform_admin',
    )
    .requiredOption('--username <username>', '用户名')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--agency <agency>', '机关（统一社会信用代码或全称）')
    .requiredOption('--role <role>', `角色：${roles.join(', ')}`)
    .option('--email <email>', '电子邮箱', '')
    .option('--password <password>', '密码（不填则从环境变量 GONGKAI_PASSWORD 读取）')
    .action(
      async (o: {
        username: string;
        name: string;
        agency: string;
        role: string;
        email: string;
        password?: string;
      }) => {
        await withContext(async (ctx) => {
          const agency = await resolveAgency(ctx, o.agency);
          const password = o.password ?? process.env.GONGKAI_PASSWORD ?? '';
          if (!roles.includes(o.role as Role))
            throw validationFailed({ role: `角色应为：${roles.join('、')}` });
          await addUser(ctx, systemActor('命令行'), {
            username: o.username,
            displayName: o.name,
            email: o.email,
            password,
            grants: [{ agencyId: agency.id, role: o.role as Role }],
          });
          console.log(`已创建账号 ${o.username}（${agency.name}）。`);
        });
      },
    );
}
