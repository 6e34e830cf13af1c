/**
 * `gongkai catalog import FILE --agency X --attachments DIR [--publish]`: bulk import of items with a progress
 * bar; `gongkai catalog template FILE`: writes the sheet to fill in (XLSX or CSV by the name's extension).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { systemActor } from '../platform/actor.js';
import { resolveAgency, type WithContext } from '../cli/kit.js';
import { importItems, importTemplate } from './import/import-items.js';

export function registerCatalogCommands(program: Command, withContext: WithContext): void {
  const catalog = program.command('catalog').description('主动公开目录');
  catalog
    .command('import <file>')
    .description('从 XLSX/CSV 批量导入公开条目（全部成功才保存），附件放在 --attachments 目录中')
    .requiredOption('--agency <agency>', '机关（统一社会信用代码或全称）')
    .option('--attachments <dir>', '附件所在目录（表格“附件文件名”列中的文件）')
    .option('--publish', '立即发布（发布日期为今天，由系统记录）；默认导入为草稿，待审核后发布')
    .option('--quiet', '不显示进度条')
    .action(
      async (
        file: string,
        o: { agency: string; attachments?: string; publish?: boolean; quiet?: boolean },
      ) => {
        const data = await readFile(file);
        await withContext(async (ctx) => {
          const agency = await resolveAgency(ctx, o.agency);
          const bar = new SingleBar(
            { format: '导入 [{bar}] {percentage}% | {value}/{total} 条', stream: process.stderr },
            Presets.shades_classic,
          );
          let started = false;
          try {
            const r = await importItems(
              ctx,
              systemActor('命令行导入'),
              agency.id,
              { fileName: basename(file), data },
              {
                publish: !!o.publish,
                // Only a plain file name reaches here (the importer refuses paths), so it stays in the folder.
                attachment: async (name) =>
                  o.attachments ? readFile(join(o.attachments, name)).catch(() => undefined) : undefined,
                onProgress: (done, total) => {
                  if (o.quiet) return;
                  if (!started) {
                    bar.start(total, done);
                    started = true;
                  } else bar.update(done);
                },
              },
            );
            if (started) bar.stop();
            started = false;
            console.log(
              r.published
                ? `已导入并发布 ${r.imported} 条（${agency.name}）。`
                : `已导入 ${r.imported} 条草稿（${agency.name}），请送审后发布。`,
            );
          } finally {
            if (started) bar.stop();
          }
        });
      },
    );
  catalog
    .command('template <file>')
    .description('生成导入模板（文件名以 .xlsx 或 .csv 结尾）')
    .action(async (file: string) => {
      await writeFile(file, await importTemplate(file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx'));
      console.log(`已生成导入模板：${file}`);
    });
}
