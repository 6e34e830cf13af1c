/**
 * Stores are the only code that touches the database (ARCHITECTURE.md): a file of src/ that builds a Kysely
 * query (selectFrom, insertInto, updateTable, deleteFrom, replaceInto, mergeInto) is a `*.store.ts`, a
 * migration, or one of the exceptions named below with the reason it stays. The test bites on a planted file,
 * holds on the real tree, and fails on an exception that no longer builds a query (so the list only shrinks).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Files that may build queries although they are not stores, each with why. */
const EXCEPTIONS: Record<string, string> = {
  'src/platform/events.ts': 'the append-only audit events table: its writer and reader are the platform',
  'src/platform/jobs.ts': "the scheduler's lease row, taken and renewed by the platform",
  'src/platform/content-version.ts': 'the one counter row every node polls (decision 0011)',
  'src/web/health.api.ts': '/healthz and /readyz probe the database itself with the cheapest query',
  // Not moved yet (the house issue): each is a debt to pay by moving its queries into the feature's store.
};

const QUERY = /\b(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(/;

const allowedByKind = (path: string) =>
  /\.store\.ts$/.test(path) || /\.test\.tsx?$/.test(path) || path.startsWith('src/migrations/');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** The files under `base`/src that build a query, as paths relative to `base` with forward slashes. */
export function queryBuilders(base: string): string[] {
  return sources(join(base, 'src'))
    .filter((f) => QUERY.test(readFileSync(f, 'utf8')))
    .map((f) => relative(base, f).split(sep).join('/'))
    .sort();
}

const offenders = (base: string) =>
  queryBuilders(base).filter((f) => !allowedByKind(f) && !(f in EXCEPTIONS));

test('a planted query outside a store is reported; stores, tests and migrations are not', () => {
  const base = mkdtempSync(join(tmpdir(), 'gongkai-stores-'));
  try {
    mkdirSync(join(base, 'src/catalog'), { recursive: true });
    mkdirSync(join(base, 'src/migrations'), { recursive: true });
    const query =
      "export const q = (db: any) =>\n  db\n    .selectFrom('catalog_items')\n    .selectAll();\n";
    writeFileSync(join(base, 'src/catalog/planted.ts'), query);
    writeFileSync(join(base, 'src/catalog/planted.tsx'), "await tx.deleteFrom('x').execute();\n");
    writeFileSync(join(base, 'src/catalog/planted.store.ts'), query);
    writeFileSync(join(base, 'src/catalog/planted.test.ts'), query);
    writeFileSync(join(base, 'src/migrations/0999_planted.ts'), query);
    writeFileSync(join(base, 'src/catalog/clean.ts'), "export const words = 'selectFrom';\n");
    assert.deepEqual(offenders(base), ['src/catalog/planted.ts', 'src/catalog/planted.tsx']);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('no file of src/ outside the stores builds a query, but the named exceptions', () => {
  assert.deepEqual(offenders(root), []);
});

test('every exception still builds a query (a paid-off exception leaves the list)', () => {
  const builders = new Set(queryBuilders(root));
  assert.deepEqual(
    Object.keys(EXCEPTIONS).filter((f) => !builders.has(f)),
    [],
  );
});
