// Runs the test suite with node's built-in runner.
//   npm test              unit + integration (both databases when DATABASE_URL is set) + end-to-end
//   npm test -- --unit    everything but end-to-end
//   npm test -- --e2e     end-to-end only (Chromium from Debian)
// Node 20 has no glob support in --test, so the files are listed here.
import { readdirSync, statSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const only = args.includes('--unit') ? 'unit' : args.includes('--e2e') ? 'e2e' : 'all';
const filters = args.filter((a) => !a.startsWith('--'));

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(path);
  }
  return out;
}

let files = [...walk('src'), ...walk('test')].sort();
const isE2e = (f) => f.includes('/e2e/');
if (only === 'unit') files = files.filter((f) => !isE2e(f));
if (only === 'e2e') files = files.filter(isE2e);
if (filters.length) files = files.filter((f) => filters.some((p) => f.includes(p)));

if (files.some(isE2e) && !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  if (process.env.CI) {
    console.error('Chromium is missing: .ci/run must install it (apt-get install chromium).');
    process.exit(1);
  }
  console.error('Skipping end-to-end tests: no Chromium at /usr/bin/chromium (apt-get install chromium).');
  files = files.filter((f) => !isE2e(f));
}

console.log(
  `Running ${files.length} test files; databases: sqlite${process.env.DATABASE_URL ? ' + postgres' : ''}`,
);
mkdirSync('test-results', { recursive: true });
const tapFile = join('test-results', 'results.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
// One plain closing line, whatever reporter is in use.
const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
const count = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
console.log(`${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped`);
process.exit(result.status ?? 1);
