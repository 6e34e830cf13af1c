/** `gongkai report <agency> <year> --format json [--out FILE]`: the computed annual report with its checks. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { resolveAgency, type WithContext } from '../cli/kit.js';
import { validationFailed } from '../platform/errors.js';
import { agencyReport, checkReportYear } from '../reports/agency-report.js';
import { reportToJson } from '../reports/report-json.js';
import { isFileFormat, reportFile } from './report-file.js';

export function registerReportCommands(program: Command, withContext: WithContext): void {
  program
    .command('report')
    .description(
      '生成机关的政府信息公开工作年度报告数据（含勾稽关系检查），如：gongkai report 固镇县仲兴乡人民政府 2020',
    )
    .argument('<agency>', '机关（统一社会信用代码或全称）')
    .argument('<year>', '报告年度，如 2020')
    .option('--format <format>', '输出格式：json（数据）或 html、docx、pdf、md（年报文件）', 'json')
    .option('--out <file>', '写入文件（不填则输出到标准输出）')
    .action(async (agencyKey: string, yearText: string, o: { format: string; out?: string }) => {
      if (o.format !== 'json' && !isFileFormat(o.format))
        throw validationFailed(
          { format: '应为 json、html、docx、pdf 或 md' },
          '输出格式应为 json、html、docx、pdf 或 md。',
        );
      if (o.format !== 'json' && !o.out)
        throw validationFailed({ out: '请用 --out 指定输出文件' }, '该格式请用 --out 指定输出文件。');
      const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      checkReportYear(year);
      await withContext(async (ctx) => {
        const agency = await resolveAgency(ctx, agencyKey);
        if (o.format !== 'json') {
          const file = await reportFile(ctx, agency, year, o.format);
          await writeFile(o.out!, file.body);
          console.error(`已写入 ${o.out}（${file.note}）`);
          return;
        }
        const { report, checks } = await agencyReport(ctx, agency, year);
        const text = JSON.stringify(reportToJson(report, checks), null, 2);
        if (o.out) {
          await writeFile(o.out, `${text}\n`, 'utf8');
          console.error(`已写入 ${o.out}`);
        } else console.log(text);
      });
    });
}
