/**
 * The folder rules of eslint.config.js bite: a planted import of a feature in src/platform/, of web or a
 * feature in src/access/, of the CLI program in a capability, or of a feature in the CLI kit is an error (so
 * `npm run lint` fails), and the real tree has none. The project's own config is used with type information
 * off and only the boundary rules on, which keeps this test fast; the rules need no types.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const rule = 'architecture/imports-stay-within';
const eslint = new ESLint({
  cwd,
  ruleFilter: ({ ruleId }) => ruleId === rule,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

async function reported(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result);
  assert.deepEqual(
    result.messages.filter((m) => m.ruleId !== rule),
    [],
  );
  return result.messages.map((m) => m.message);
}

test('a feature imported into platform/ is reported, import type included, at any depth', async () => {
  const code = [
    "import { catalogStore } from '../catalog/catalog.store.js';",
    "import type { Agency } from '../access/agency.js';",
    "export * from '../main.js';",
    "export type App = typeof import('../web/app.js');",
    "export const jobs = () => import('../app/jobs.js');",
    'export const used = catalogStore as unknown as Agency;',
  ].join('\n');
  assert.deepEqual(await reported(code, 'src/platform/planted.ts'), [
    'src/platform must not import src/catalog/catalog.store: dependencies point one way',
    'src/platform must not import src/access/agency: dependencies point one way',
    'src/platform must not import src/main: dependencies point one way',
    'src/platform must not import src/web/app: dependencies point one way',
    'src/platform must not import src/app/jobs: dependencies point one way',
  ]);
  assert.deepEqual(
    await reported(
      "import type { RequestTables } from '../../requests/requests.schema.js';\nexport type T = RequestTables;",
      'src/platform/db/planted.ts',
    ),
    ['src/platform must not import src/requests/requests.schema: dependencies point one way'],
  );
});

test('platform/ may import itself, the config leaf and packages; the config imports nothing from src/', async () => {
  const code = [
    "import { z } from 'zod';",
    "import type { Config } from '../config.js';",
    "import type { Db } from './db/database.js';",
    'export type T = [Config, Db, typeof z];',
  ].join('\n');
  assert.deepEqual(await reported(code, 'src/platform/planted.ts'), []);
  assert.deepEqual(
    await reported(
      "import type { Actor } from './platform/actor.js';\nexport type A = Actor;",
      'src/config.ts',
    ),
    ['src/config.ts must not import src/platform/actor: dependencies point one way'],
  );
});

test('access/ imports only itself, platform/ and the config: not web, not the agencies feature', async () => {
  const code = [
    "import type { Config } from '../../config.js';",
    "import type { AppContext } from '../../platform/context.js';",
    "import { usersStore } from '../users.store.js';",
    "import { requireUser } from '../../web/admin-kit.js';",
    "import type { DemoLoader } from '../../agencies/demo-loader.js';",
    "export const saveAgency = () => import('../../agencies/save-agency.js');",
    'export type T = [Config, AppContext, typeof usersStore, typeof requireUser, DemoLoader];',
  ].join('\n');
  assert.deepEqual(await reported(code, 'src/access/auth/planted.ts'), [
    'src/access must not import src/web/admin-kit: dependencies point one way',
    'src/access must not import src/agencies/demo-loader: dependencies point one way',
    'src/access must not import src/agencies/save-agency: dependencies point one way',
  ]);
});

test('the real tree keeps the rule', async () => {
  const results = await eslint.lintFiles(['src/platform/**/*.ts', 'src/access/**/*.ts', 'src/config.ts']);
  assert.ok(results.length >= 20, `only ${results.length} files linted`);
  const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
  assert.deepEqual(problems, []);
});

// The CLI: capabilities' commands import the kit (src/cli/kit*.ts), never the program that composes them.
const cliRules = ['architecture/imports-none-of', 'architecture/imports-stay-within'];
const cliLint = new ESLint({
  cwd,
  ruleFilter: ({ ruleId }) => cliRules.includes(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

async function cliReported(code: string, filePath: string): Promise<string[]> {
  const [result] = await cliLint.lintText(code, { filePath });
  assert.ok(result);
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`).sort();
}

const program =
  'src/app/ composes every capability; take what you need as a parameter, or from a kit (src/web/, src/cli/kit.ts)';

test('a capability importing the composition root (process entry, CLI program, services) is reported, import type included', async () => {
  const code = [
    "import type { withContext } from '../../app/core.cli.js';",
    "export { runCli } from '../../app/cli.js';",
    "export type M = typeof import('../../app/main.js');",
    "import { resolveAgency } from '../../cli/kit.js';",
    'export const used = [resolveAgency] as unknown as typeof withContext;',
  ].join('\n');
  assert.deepEqual(await cliReported(code, 'src/supervision/scorecard/planted.cli.ts'), [
    `architecture/imports-none-of: must not import src/app/cli: ${program}`,
    `architecture/imports-none-of: must not import src/app/core.cli: ${program}`,
    `architecture/imports-none-of: must not import src/app/main: ${program}`,
  ]);
  const entry = "import { openContext } from '../app/main.js';\nexport const o = openContext;";
  assert.deepEqual(
    await cliReported(
      "import { openContext } from './main.js';\nexport const o = openContext;",
      'src/app/planted.ts',
    ),
    [],
  );
  assert.deepEqual(await cliReported(entry, 'src/demo/planted.ts'), [
    `architecture/imports-none-of: must not import src/app/main: ${program}`,
  ]);
  assert.deepEqual(await cliReported(entry, 'src/web/planted.ts'), [
    `architecture/imports-none-of: must not import src/app/main: ${program}`,
  ]);
});

test('the CLI kit imports no feature: access, the platform, the config and other kit files', async () => {
  const code = [
    "import { agenciesStore } from '../access/agencies.store.js';",
    "import type { AppContext } from '../platform/context.js';",
    "import type { Config } from '../config.js';",
    "import type { WithContext } from './kit.js';",
    "import type { CatalogItem } from '../catalog/catalog.store.js';",
    "export type W = typeof import('../web/app.js');",
    "import { withContext } from '../app/core.cli.js';",
    'export const used = [agenciesStore, withContext] as unknown as [AppContext, Config, WithContext, CatalogItem];',
  ].join('\n');
  assert.deepEqual(await cliReported(code, 'src/cli/kit-planted.ts'), [
    `architecture/imports-none-of: must not import src/app/core.cli: ${program}`,
    'architecture/imports-stay-within: src/cli/kit* must not import src/app/core.cli: dependencies point one way',
    'architecture/imports-stay-within: src/cli/kit* must not import src/catalog/catalog.store: dependencies point one way',
    'architecture/imports-stay-within: src/cli/kit* must not import src/web/app: dependencies point one way',
  ]);
});

test('the real tree keeps the CLI rules', async () => {
  const results = await cliLint.lintFiles(['src/**/*.ts', 'src/**/*.tsx']);
  assert.ok(results.length >= 100, `only ${results.length} files linted`);
  const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
  assert.deepEqual(problems, []);
});
