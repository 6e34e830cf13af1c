/**
 * `gongkai` — the command line. Each subcommand calls the same use cases as the web app.
 * Domain errors print their Chinese message and exit 1; nothing is changed by a refused command.
 */
import { Command, CommanderError } from 'commander';
import { appServices, type Services } from './services.js';
import { ConfigError, loadConfig } from '../config.js';
import { startPlatform } from './main.js';
import { DomainError } from '../platform/errors.js';
import { registerAuditCommands } from '../audit/audit.cli.js';
import { registerCoreCommands, withContext } from './core.cli.js';
import { registerCalendarCommands } from '../calendar/calendar.cli.js';
import { databaseCalendarDeps } from '../calendar/calendar.db-deps.js';
import { registerReportCommands } from '../annual-reports/report.cli.js';
import { registerSearchCommands } from '../search/search.cli.js';
import { registerScorecardCommands } from '../supervision/scorecard/scorecard.cli.js';
import { registerRequestCommands } from '../requests/import/import-cases.cli.js';
import { registerMessageCommands } from '../interaction/messages.cli.js';
import { registerSupervisionCommands } from '../supervision/supervision.cli.js';
import { registerCatalogCommands } from '../catalog/catalog.cli.js';
import { registerBackupCommands } from './backup.cli.js';
import { registerAgencyCommands } from '../agencies/agencies.cli.js';

/**
 * The program over the composition root's services (src/app/). It makes `withContext` (core.cli.ts, over
 * openContext in main.ts) and hands it to each capability's commands; they import only the kit (src/cli/kit.ts).
 */
export function buildProgram(services: Services = appServices()): Command {
  const program = new Command('gongkai')
    .description('公开 Gongkai — 政府信息公开平台')
    .showHelpAfterError('（使用 --help 查看用法）')
    .exitOverride();
  registerCoreCommands(program, () => startPlatform(loadConfig(), services));
  registerAgencyCommands(program, withContext);
  registerAuditCommands(program);
  registerCalendarCommands(program, databaseCalendarDeps(withContext, services.calendarRecomputers));
  registerReportCommands(program, withContext);
  registerSearchCommands(program, withContext);
  registerScorecardCommands(program, withContext);
  registerRequestCommands(program, withContext);
  registerMessageCommands(program, withContext);
  registerSupervisionCommands(program, withContext);
  registerCatalogCommands(program, withContext);
  registerBackupCommands(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof DomainError) {
      const fields = Object.entries(e.fields)
        .map(([k, v]) => `\n  - ${k}: ${v}`)
        .join('');
      console.error(`错误：${e.message}${fields}`);
      return 1;
    }
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}

export { loadConfig };

if (process.argv[1] && /gongkai(\.js)?$|cli[\\/]main\.ts$/.test(process.argv[1])) {
  const code = await runCli(process.argv.slice(2));
  if (code !== 0 || !process.argv.slice(2).includes('serve')) process.exitCode = code;
}
