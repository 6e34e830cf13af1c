/**
 * `gongkai backup FILE` and `gongkai restore FILE` (issue 21): a consistent copy of the configured database
 * (SQLITE_PATH or DATABASE_URL) in one file, and its restore into an empty or absent database with the same
 * personal-data key. Backup prints nothing on success; both refuse in Chinese and exit 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { takeBackup } from '../platform/db/backup/backup.js';
import { backupFailed } from '../platform/db/backup/manifest.js';
import { restoreBackup } from '../platform/db/backup/restore.js';
import { developmentKeyFile } from './main.js';

/** The configured key — DATA_KEY, or the development key file beside the SQLite file — never made here. */
function configuredKey(config: Config): { dataKey: string | undefined; hint: string } {
  if (config.dataKey) return { dataKey: config.dataKey, hint: '请把 DATA_KEY 设为备份时所用的密钥。' };
  if (config.database.kind === 'sqlite' && config.database.path !== ':memory:') {
    const file = developmentKeyFile(config.database.path);
    return {
      dataKey: existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined,
      hint: `请设置 DATA_KEY，或把原平台的密钥文件 data-key.txt 放到 ${file}。`,
    };
  }
  return { dataKey: undefined, hint: '请把 DATA_KEY 设为备份时所用的密钥。' };
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('在线备份当前配置的数据库（含上传的文件）到一个文件；成功时不输出任何内容')
    .action(async (file: string) => {
      const config = loadConfig();
      const { dataKey, hint } = configuredKey(config);
      if (!dataKey) throw backupFailed(`未找到个人信息加密密钥，无法记录密钥指纹：${hint}`);
      await takeBackup(config.database, dataKey, file);
    });

  program
    .command('restore <file>')
    .description('把备份恢复到当前配置的数据库（该数据库须为空或不存在），并逐表核对行数与摘要')
    .action(async (file: string) => {
      const config = loadConfig();
      const { tables, rows } = await restoreBackup(config.database, configuredKey(config), file);
      console.log(`已从 ${file} 恢复 ${tables} 张表、${rows} 行，行数与摘要均已核对。`);
    });
}
