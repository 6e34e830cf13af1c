/**
 * Moved: `gongkai report` writes the annual-report document's files too, so it lives in
 * src/annual-reports/report.cli.ts, above the report model. This re-export (the last import from reports into
 * annual-reports) stays only until src/cli/main.ts imports the command from there; then delete it.
 */
export { registerReportCommands } from '../annual-reports/report.cli.js';
