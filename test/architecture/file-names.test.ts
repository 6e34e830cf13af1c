/**
 * One suffix per surface (CONTRIBUTING.md, "Naming"): a file's name says what it is, so the rule is checked over
 * the names and a little of the text of every source file under src/ (tests excluded):
 *
 * - routes: a file that registers routes (`app.get|post|put|patch|delete|route(`) or exports a
 *   `register…Routes|Portal|Admin|Api` function ends in `.portal.tsx` (public pages), `.admin.tsx` (admin pages)
 *   or `.api.ts` (JSON API); only the app factory and the dashboard's static assets are exempt (ROUTE_EXEMPT);
 * - CLI: a file exporting `register…Commands` ends in `.cli.ts`;
 * - stores: a file exporting `const …Store` ends in `.store.ts`;
 * - schema: a file augmenting Kysely's `Database` (`interface Database extends`) ends in `.schema.ts`
 *   (the foundation's `src/platform/db/schema.ts` declares it);
 * - jobs: what `src/app/jobs.ts` imports a job from ends in `.job.ts` (or `.store.ts`, a store's sweep);
 * - the suffixes go with one extension each (`.portal.tsx`, `.admin.tsx`, `.api.ts`, `.cli.ts`, `.store.ts`,
 *   `.schema.ts`, `.job.ts`), and the old ones (`*.routes.ts(x)`, `*.public.tsx`, `*.tables.ts`) do not exist.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { it } from 'node:test';

export interface SourceFile {
  /** Path from the repository root with `/` separators, e.g. `src/catalog/portal/catalog.portal.tsx`. */
  readonly path: string;
  readonly text: string;
}

const ROUTE_SUFFIX = /\.(portal\.tsx|admin\.tsx|api\.ts)$/;
/** Files that call app.get/… without being a surface: the app factory and the dashboard's static scripts. */
const ROUTE_EXEMPT = new Set(['src/web/app.ts', 'src/supervision/chart-assets.ts']);
const SUFFIX_EXTENSION: readonly [RegExp, string][] = [
  [/\.portal\.tsx?$/, '.portal.tsx'],
  [/\.admin\.tsx?$/, '.admin.tsx'],
  [/\.api\.tsx?$/, '.api.ts'],
  [/\.cli\.tsx?$/, '.cli.ts'],
  [/\.store\.tsx?$/, '.store.ts'],
  [/\.schema\.tsx?$/, '.schema.ts'],
  [/\.job\.tsx?$/, '.job.ts'],
];
const FORBIDDEN = /\.(routes\.tsx?|public\.tsx?|tables\.ts)$/;
const REGISTERS_ROUTES = /\b(?:app|instance|fastify)\.(?:get|post|put|patch|delete|route)\s*[<(]/;
const EXPORTS_ROUTES = /export\s+(?:async\s+)?function\s+register\w*(?:Routes|Portal|Admin|Api)\s*\(/;
const EXPORTS_COMMANDS = /export\s+(?:async\s+)?function\s+register\w*Commands\s*\(/;
const EXPORTS_STORE = /export\s+const\s+\w+Store\b/;
const AUGMENTS_DATABASE = /interface\s+Database\s+extends\b/;
const IMPORT_FROM = /^import\s+(?!type\b)[^'"]*from\s+['"](\.[^'"]+)['"]/gm;

/** Every rule broken by the given files, one line per file and rule. */
export function misnamed(files: readonly SourceFile[]): string[] {
  const wrong: string[] = [];
  for (const { path, text } of files) {
    if (FORBIDDEN.test(path))
      wrong.push(`${path}: old suffix (use .portal.tsx, .admin.tsx, .api.ts or .schema.ts)`);
    for (const [suffix, expected] of SUFFIX_EXTENSION) {
      if (suffix.test(path) && !path.endsWith(expected)) wrong.push(`${path}: this suffix is ${expected}`);
    }
    // Code only: a doc comment may show how a route is written.
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const registers = REGISTERS_ROUTES.test(code) || EXPORTS_ROUTES.test(code);
    if (registers && !ROUTE_SUFFIX.test(path) && !ROUTE_EXEMPT.has(path)) {
      wrong.push(`${path}: registers routes, so ends in .portal.tsx, .admin.tsx or .api.ts`);
    }
    if (EXPORTS_COMMANDS.test(text) && !path.endsWith('.cli.ts')) {
      wrong.push(`${path}: exports register…Commands, so ends in .cli.ts`);
    }
    if (EXPORTS_STORE.test(text) && !path.endsWith('.store.ts')) {
      wrong.push(`${path}: exports a store, so ends in .store.ts`);
    }
    if (AUGMENTS_DATABASE.test(text) && !/[./]schema\.ts$/.test(path)) {
      wrong.push(`${path}: declares tables, so ends in .schema.ts`);
    }
    if (path === 'src/app/jobs.ts') {
      for (const m of text.matchAll(IMPORT_FROM)) {
        const target = normalize(join(dirname(path), m[1]!))
          .split('\\')
          .join('/');
        if (!/\.(job|store)\.js$/.test(target))
          wrong.push(`${path}: job from ${target}, which should end in .job.ts`);
      }
    }
  }
  return wrong;
}

function sources(dir: string, out: SourceFile[] = []): SourceFile[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) {
      out.push({ path: relative('.', path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
    }
  }
  return out;
}

it('every source file under src/ carries the suffix of its surface', () => {
  const files = sources('src');
  assert.ok(files.length > 300, `read ${files.length} files from src/ (run from the repository root)`);
  assert.deepEqual(misnamed(files), []);
});

it('bites on planted names', () => {
  const route = "app.get('/x', async () => 'x');";
  assert.deepEqual(misnamed([{ path: 'src/catalog/items/items.admin.tsx', text: route }]), []);
  assert.equal(misnamed([{ path: 'src/catalog/items/items.routes.tsx', text: route }]).length, 2);
  assert.deepEqual(misnamed([{ path: 'src/interaction/messages.public.tsx', text: '' }]), [
    'src/interaction/messages.public.tsx: old suffix (use .portal.tsx, .admin.tsx, .api.ts or .schema.ts)',
  ]);
  assert.equal(misnamed([{ path: 'src/supervision/supervision.tables.ts', text: '' }]).length, 1);
  assert.deepEqual(misnamed([{ path: 'src/catalog/feed.ts', text: route }]), [
    'src/catalog/feed.ts: registers routes, so ends in .portal.tsx, .admin.tsx or .api.ts',
  ]);
  assert.equal(
    misnamed([{ path: 'src/x/x.ts', text: 'export function registerXRoutes(app: A) {}' }]).length,
    1,
  );
  assert.equal(misnamed([{ path: 'src/x/x.api.tsx', text: '' }]).length, 1);
  assert.equal(
    misnamed([{ path: 'src/x/x.ts', text: 'export function registerXCommands(p, w) {}' }]).length,
    1,
  );
  assert.equal(misnamed([{ path: 'src/x/xs.ts', text: 'export const xsStore = {};' }]).length, 1);
  assert.equal(
    misnamed([{ path: 'src/x/x-tables.ts', text: 'interface Database extends XTables {}' }]).length,
    1,
  );
  assert.equal(
    misnamed([{ path: 'src/app/jobs.ts', text: "import { sweep } from '../x/sweep.js';\n" }]).length,
    1,
  );
});
