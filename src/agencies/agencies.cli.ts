/**
 * `gongkai agency add|import|template`: an operator's first day without the demo — the agency tree from the
 * command line or a sheet (XLSX/CSV, columns in agency-rows.ts), all or nothing, before `gongkai user add`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemActor } from '../platform/actor.js';
import { DomainError } from '../platform/errors.js';
import type { WithContext } from '../cli/kit.js';
import { readSheet, sheetKindOf, writeSheet } from '../sheets/sheet.js';
import { agencyColumns, type AgencyField, type AgencyRow } from './agency-rows.js';
import { createAgencies, importAgencies } from './import-agencies.js';

/** `agency add` options → the columns they fill (same rules as a sheet's row). */
const options: { flag: string; field: AgencyField }[] = [
  { flag: '--name <name>', field: 'name' },
  { flag: '--short-name <shortName>', field: 'shortName' },
  { flag: '--credit-code <creditCode>', field: 'creditCode' },
  { flag: '--level <level>', field: 'level' },
  { flag: '--parent <parent>', field: 'parent' },
  { flag: '--supervisor <supervisor>', field: 'supervisor' },
  { flag: '--review-body <reviewBody>', field: 'reviewBody' },
  { flag: '--review-body-reason <reviewBodyReason>', field: 'reviewBodyReason' },
  { flag: '--division-code <divisionCode>', field: 'divisionCode' },
  { flag: '--calendar-region <calendarRegion>', field: 'calendarRegion' },
  { flag: '--path <pathSegment>', field: 'pathSegment' },
  { flag: '--office <officeName>', field: 'officeName' },
  { flag: '--address <address>', field: 'address' },
  { flag: '--postcode <postcode>', field: 'postcode' },
  { flag: '--hours <hours>', field: 'hours' },
  { flag: '--phone <phone>', field: 'phone' },
  { flag: '--fax <fax>', field: 'fax' },
  { flag: '--email <email>', field: 'email' },
  { flag: '--doc-no-prefixes <docNoPrefixes>', field: 'docNoPrefixes' },
];

const columnOf = (field: AgencyField) => agencyColumns.find((c) => c.field === field)!;

export function registerAgencyCommands(program: Command, withContext: WithContext): void {
  const agency = program.command('agency').description('管理机关（首次部署时建立本单位的机关树）');

  const add = agency
    .command('add')
    .description(
      '新增一个机关，如：gongkai agency add --name 某某县人民政府 --credit-code 11340323003120000Y --level 县 --division-code 340323 --path guzhen --office 某某县人民政府办公室 --review-body 某某市人民政府',
    );
  for (const o of options) {
    const c = columnOf(o.field);
    add.option(o.flag, `${c.headers[0]}：${c.note}`);
  }
  add.action(async (o: Record<string, string | undefined>) => {
    const row: AgencyRow = { cells: {} };
    for (const { flag } of options) {
      const name = flag.slice(2, flag.indexOf(' ')).replace(/-(\w)/g, (_, ch: string) => ch.toUpperCase());
      const value = o[name]?.trim();
      const field = options.find((x) => x.flag === flag)!.field;
      if (value) row.cells[field] = value;
    }
    await withContext(async (ctx) => {
      const { created } = await createAgencies(ctx, systemActor('命令行'), [row]);
      for (const a of created)
        console.log(`已新增机关 ${a.name}（${a.creditCode}，网址 /${a.pathSegment}/）。`);
    });
  });

  agency
    .command('import <file>')
    .description('从 XLSX 或 CSV 文件导入机关树（全部导入或全部不导入；列见 gongkai agency template）')
    .action(async (file: string) => {
      const kind = sheetKindOf(file);
      const data = await readFile(file).catch(() => {
        throw new DomainError('validation.failed', `无法读取文件“${file}”，请核对路径。`);
      });
      const sheet = await readSheet(data, kind);
      await withContext(async (ctx) => {
        const { created } = await importAgencies(ctx, systemActor('命令行导入'), sheet);
        console.log(`已导入机关 ${created.length} 个：`);
        for (const a of created) console.log(`  ${a.name}（${a.creditCode}）`);
      });
    });

  agency
    .command('template <file>')
    .description('生成机关导入模板（XLSX 或 CSV，按文件扩展名），第 2 行起为各列说明，填写前请删除')
    .action(async (file: string) => {
      const kind = sheetKindOf(file);
      const rows = [
        agencyColumns.map((c) => c.headers[0]!),
        agencyColumns.map((c) => `${c.required ? '必填：' : ''}${c.note}`),
      ];
      await writeFile(file, await writeSheet(rows, kind, '机关'));
      console.log(
        `已生成机关导入模板 ${file}：第 1 行为列名，第 2 行为各列说明（导入前删除），从第 2 行起每行一个机关。`,
      );
    });
}
