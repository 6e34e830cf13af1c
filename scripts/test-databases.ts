/**
 * Builds the test suite's template databases of one kind for scripts/run-tests.mjs (see
 * test/support/db-templates.ts), prints the environment that points the test processes at them as one line of
 * JSON, then keeps them until its standard input closes — the run is over, or the runner has died — and removes
 * them.
 *   node --import tsx scripts/test-databases.ts sqlite|postgres
 * PostgreSQL templates go on DATABASE_URL's server.
 *
 * The demo is loaded on the tests' clock (test/support/clock.ts), which starts at GONGKAI_TEST_NOW: the runner
 * sets it to the start of the run. The environment printed includes GONGKAI_TEST_NOW too, set to the clock's
 * reading once the templates are built, for the test processes: their clocks then start after the last record
 * of the demo, as they did when each suite loaded the demo itself, and what a test writes comes after what the
 * demo wrote (same day, later instant; a few seconds on, as loading the demo took them before).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildPostgresTemplate,
  buildSqliteTemplate,
  dropPostgresTemplates,
  newPostgresTemplatePrefix,
  POSTGRES_TEMPLATES_ENV,
  postgresTemplateName,
  SQLITE_TEMPLATES_ENV,
  sqliteTemplateFile,
  templateVariants,
} from '../test/support/db-templates.js';
import { testNow } from '../test/support/clock.js';

const kind = process.argv[2];
// Ctrl-C reaches the whole process group: the runner exits on it, which closes our input, and we clean up.
process.on('SIGINT', () => {});

let env: Record<string, string>;
let remove: () => Promise<void>;
if (kind === 'sqlite') {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-templates-'));
  remove = async () => rmSync(dir, { recursive: true, force: true });
  try {
    for (const variant of templateVariants)
      await buildSqliteTemplate(sqliteTemplateFile(dir, variant), variant);
  } catch (error) {
    await remove();
    throw error;
  }
  env = { [SQLITE_TEMPLATES_ENV]: dir };
} else if (kind === 'postgres') {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const prefix = newPostgresTemplatePrefix('run');
  remove = () => dropPostgresTemplates(adminUrl, prefix);
  try {
    for (const variant of templateVariants)
      await buildPostgresTemplate(adminUrl, postgresTemplateName(prefix, variant), variant);
  } catch (error) {
    await remove();
    throw error;
  }
  env = { [POSTGRES_TEMPLATES_ENV]: prefix };
} else {
  throw new Error('usage: test-databases.ts sqlite|postgres');
}

env.GONGKAI_TEST_NOW = new Date(testNow().getTime() + 1).toISOString();
process.stdout.write(`${JSON.stringify(env)}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  remove().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('could not remove the test template databases:', error);
      process.exit(1);
    },
  );
});
