/**
 * `gongkai audit FILE… [--json] [--year N] [--province P]`: audits published annual reports. Exit 0 when
 * every file was read (with or without findings); exit 1, with a message, when a file cannot be opened or
 * has no readable text. Two or more files are also compared with each other (copied narrative).
 *
 * `gongkai audit --dir DIR --out summary.xlsx`: audits every file under DIR with a progress bar on stderr
 * and writes the summary as XLSX and, beside it, as HTML (summary.html). Unreadable files are rows with
 * their status; the exit code is 0 once the summary is written.
 */
import { writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { AuditOptions } from './audit.js';
import { toJson, toText } from './present.js';
import { auditBatch, filesIn } from './batch/batch.js';
import { summaryWorkbook } from './batch/summary-xlsx.js';
import { summaryHtml } from './batch/summary-html.js';

interface Flags {
  json?: boolean;
  year?: string;
  province?: string;
  published?: string;
  dir?: string;
  out?: string;
}

function fail(message: string): void {
  console.error(`错误：${message}`);
  process.exitCode = 1;
}

/** The HTML summary's path: beside the XLSX, same name with .html. */
const htmlBeside = (out: string) => join(dirname(out), `${basename(out, '.xlsx')}.html`);

async function runBatch(dir: string, out: string, options: AuditOptions): Promise<void> {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    /* reported below */
  }
  if (!isDir) return fail(`文件夹“${dir}”不存在或不是文件夹。`);
  const paths = await filesIn(dir);
  if (paths.length === 0) return fail(`文件夹“${dir}”中没有文件。`);
  const bar = new SingleBar({
    stream: process.stderr,
    format: '审查年报 [{bar}] {value}/{total} {file}',
    hideCursor: true,
  });
  bar.start(paths.length, 0, { file: '' });
  const items = await auditBatch(
    paths.map((p) => ({ path: p, label: relative(dir, p) })),
    options,
    (done, file) => bar.update(done, { file }),
  );
  bar.stop();
  const html = htmlBeside(out);
  try {
    await writeFile(out, await summaryWorkbook(items));
    await writeFile(html, summaryHtml(items, new Date().toISOString().slice(0, 19).replace('T', ' ')));
  } catch (e) {
    return fail(`无法写入汇总文件“${out}”（${(e as NodeJS.ErrnoException).code ?? '写入失败'}）。`);
  }
  const unread = items.filter((i) => i.status !== 'audited').length;
  console.log(
    `已审查 ${items.length - unread} 份年报${unread ? `，${unread} 份未能审查（见汇总表“状态”列）` : ''}。汇总表：${out}；网页版：${html}`,
  );
}

export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description('审查已发布的政府信息公开工作年度报告，列出问题（支持文本、网页、DOCX、PDF、DOC/WPS）')
    .argument('[files...]', '年报文件')
    .option('--json', '每个文件输出一个 JSON 对象')
    .option('--year <year>', '报告年度（文档中识别不到或识别有误时指定）')
    .option('--province <province>', '本机关所在省份，例如“安徽”（用于发现照抄其他地区的内容）')
    .option('--published <date>', '发布日期 YYYY-MM-DD（用于判断是否逾期发布）')
    .option('--dir <dir>', '批量审查：文件夹中的全部年报')
    .option('--out <file>', '批量审查的汇总表（.xlsx），同名 .html 写在旁边')
    .action(async (files: string[], flags: Flags) => {
      const options: AuditOptions = {};
      if (flags.year !== undefined) {
        const year = Number(flags.year);
        if (!Number.isInteger(year) || year < 2007 || year > 2100)
          return fail(`--year 应为四位年份，收到“${flags.year}”。`);
        options.year = year;
      }
      if (flags.province) options.province = flags.province;
      if (flags.published) options.publishedOn = flags.published;
      if (flags.dir !== undefined || flags.out !== undefined) {
        if (files.length > 0) return fail('--dir 与文件列表不能同时使用。');
        if (!flags.dir) return fail('--out 需要与 --dir 一起使用。');
        if (!flags.out) return fail('批量审查需要用 --out 指定汇总表，例如 --out summary.xlsx。');
        if (!flags.out.toLowerCase().endsWith('.xlsx')) return fail('--out 应为 .xlsx 文件。');
        return runBatch(flags.dir, flags.out, options);
      }
      if (files.length === 0) return fail('请指定要审查的年报文件，或用 --dir 指定文件夹。');
      const items = await auditBatch(
        files.map((f) => ({ path: f, label: f })),
        options,
      );
      for (const item of items) {
        if (!item.result) {
          fail(`无法审查文件“${item.file}”（${item.reason}）。`);
          continue;
        }
        const result = { ...item.result, fileName: basename(item.file) };
        if (item.status === 'unreadable') process.exitCode = 1;
        console.log(flags.json ? JSON.stringify(toJson(result)) : `${toText(result)}\n`);
      }
    });
}
