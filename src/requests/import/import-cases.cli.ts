/** `gongkai requests import FILE --agency X`: historical cases from XLSX/CSV, all or nothing, with a progress bar. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { systemActor } from '../../platform/actor.js';
import { type WithContext } from '../../cli/kit.js';
import { DomainError } from '../../platform/errors.js';
import { ImportRefused, importCases, problemText } from './import-cases.js';
import { readImportFile } from './import-file.js';

export function registerRequestCommands(program: Command, withContext: WithContext): void {
  const requests = program.command('requests').description('依申请公开');
  requests
    .command('import <file>')
    .description('导入历史申请案件（XLSX 或 CSV，使用管理后台提供的模板）；任一行有误时不导入任何案件')
    .requiredOption('--agency <agency>', '受理机关（机关 ID 或网址路径，如 zhongxing）')
    .option('--quiet', '不显示进度条')
    .action(async (file: string, o: { agency: string; quiet?: boolean }) => {
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch {
        throw new DomainError('import.unreadable', `无法读取文件：${file}`);
      }
      const table = await readImportFile(data, basename(file));
      await withContext(async (ctx) => {
        const bar = new SingleBar(
          { format: '导入案件 [{bar}] {percentage}% | {value}/{total} 件', stream: process.stderr },
          Presets.shades_classic,
        );
        let started = false;
        try {
          const r = await importCases(ctx, systemActor('命令行导入'), o.agency, table, (done, total) => {
            if (o.quiet) return;
            if (!started) {
              bar.start(total, done);
              started = true;
            } else bar.update(done);
          });
          if (started) bar.stop();
          console.log(`已导入 ${r.imported} 件申请。`);
        } catch (e) {
          if (started) bar.stop();
          if (e instanceof ImportRefused) for (const p of e.problems) console.error(problemText(p));
          throw e;
        }
      });
    });
}
