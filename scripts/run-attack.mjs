// The standing attack suite (issue 20): `npm run attack` runs every attack/*.attack.ts with node's test runner,
// one file at a time (each starts its own server and measures it), with a time bound per file. It is its own CI
// step (.ci/run) so that `npm test` keeps its budget.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
let files = readdirSync('attack')
  .filter((f) => f.endsWith('.attack.ts'))
  .sort()
  .map((f) => `attack/${f}`);
if (filters.length) files = files.filter((f) => filters.some((p) => f.includes(p)));
console.log(`Running ${files.length} attack files`);
if (files.length === 0) process.exit(filters.length ? 1 : 0);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=600000', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
