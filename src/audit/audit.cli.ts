/**
 * `gongkai audit FILE… [--json] [--year N] [--province P]`: audits published annual reports. Exit 0 when
 * every file was read (with or without findings); exit 1, with a message, when a file cannot be opened or
 * has no readable text. The lead wires `registerAuditCommands` into src/cli/main.ts.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { auditDocument, type AuditOptions } from './audit.js';
import { toJson, toText } from './present.js';

interface Flags {
  json?: boolean;
  year?: string;
  province?: string;
  published?: string;
}

export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description('审查已发布的政府信息公开工作年度报告，列出问题（支持文本、网页、DOCX、PDF、DOC/WPS）')
    .argument('<files...>', '年报文件')
    .option('--json', '每个文件输出一个 JSON 对象')
    .option('--year <year>', '报告年度（文档中识别不到或识别有误时指定）')
    .option('--province <province>', '本机关所在省份，例如“安徽”（用于发现照抄其他地区的内容）')
    .option('--published <date>', '发布日期 YYYY-MM-DD（用于判断是否逾期发布）')
    .action(async (files: string[], flags: Flags) => {
      const options: AuditOptions = {};
      if (flags.year !== undefined) {
        const year = Number(flags.year);
        if (!Number.isInteger(year) || year < 2007 || year > 2100) {
          console.error(`错误：--year 应为四位年份，收到“${flags.year}”。`);
          process.exitCode = 1;
          return;
        }
        options.year = year;
      }
      if (flags.province) options.province = flags.province;
      if (flags.published) options.publishedOn = flags.published;
      let failed = false;
      for (const file of files) {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await readFile(file));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          console.error(
            `错误：无法打开文件“${file}”（${code === 'ENOENT' ? '文件不存在' : (code ?? '读取失败')}）。`,
          );
          failed = true;
          continue;
        }
        const result = await auditDocument(bytes, basename(file), options);
        if (!result.readable) failed = true;
        console.log(flags.json ? JSON.stringify(toJson(result)) : `${toText(result)}\n`);
      }
      if (failed) process.exitCode = 1;
    });
}
