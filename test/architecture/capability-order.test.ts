/**
 * The capabilities import one way (ARCHITECTURE.md, "Rules that keep it simple"): each top-level folder of src/
 * named below imports only folders before it, `import type` and re-exports included. Test files may import
 * anything and are not read.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { it } from 'node:test';

/** Lowest first; folders on one level do not import each other. */
const ORDER: readonly (readonly string[])[] = [
  ['access', 'statute', 'sheets'],
  ['agencies'],
  ['catalog'],
  ['requests', 'interaction', 'search'],
  ['reports'],
  ['audit', 'supervision'],
  ['annual-reports'],
  ['demo'],
];

const level = new Map(ORDER.flatMap((names, i) => names.map((n) => [n, i] as const)));
const SPEC =
  /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|^import\s+['"](\.[^'"]+)['"]/gm;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const topOf = (path: string) => relative('src', path).split(sep)[0]!;

it('each capability imports only the capabilities before it', () => {
  const wrong: string[] = [];
  for (const file of sources('src')) {
    const from = level.get(topOf(file));
    if (from === undefined) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(SPEC)) {
      const target = normalize(join(dirname(file), (m[1] ?? m[2] ?? m[3])!));
      const to = level.get(topOf(target));
      if (to !== undefined && topOf(target) !== topOf(file) && to >= from)
        wrong.push(`${file} → ${relative('.', target)}`);
    }
  }
  assert.deepEqual(wrong, []);
});
