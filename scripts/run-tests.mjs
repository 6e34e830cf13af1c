// Runs the test suite with node's built-in runner.
//   npm test              unit + integration (both databases when DATABASE_URL is set) + end-to-end
//   npm test -- --unit    everything but end-to-end
//   npm test -- --e2e     end-to-end only (Chromium from Debian)
// Node 20 has no glob support in --test, so the files are listed here.
// Before the tests, the template databases (migrated, and with the demo) are built once for the whole run by
// scripts/test-databases.ts, one process per database kind; test processes copy them (test/support/db.ts).
import { readdirSync, statSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

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
rmSync(tapFile, { force: true });

// The tests' clock (test/support/clock.ts) starts at this instant in the template builders; the test processes
// start theirs where the builders' stopped (see scripts/test-databases.ts).
process.env.GONGKAI_TEST_NOW ??= new Date().toISOString();
process.env.NODE_ENV = 'test';

/**
 * Starts the builder of one kind's templates; resolves with the environment naming them once built. The
 * builder removes them when its standard input closes: at the end of the run, or when this process dies.
 */
function startTemplates(kind) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/test-databases.ts', kind], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.on('error', () => {}); // it may have exited already
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const built = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    void exited.then((code) => reject(new Error(`building the ${kind} template databases failed (${code})`)));
  });
  return { built, done: () => (child.stdin.end(), exited) };
}

// End-to-end tests run on SQLite only.
const kinds = ['sqlite', ...(process.env.DATABASE_URL && files.some((f) => !isE2e(f)) ? ['postgres'] : [])];
const started = Date.now();
const templates = kinds.map(startTemplates);
let status = 1;
try {
  const built = await Promise.all(templates.map((t) => t.built));
  // Each builder names its templates, and the instant on the tests' clock when it was done: the test processes'
  // clocks start at the later of these, after every record the demo templates hold.
  const env = Object.assign({}, ...built);
  env.GONGKAI_TEST_NOW = built
    .map((e) => e.GONGKAI_TEST_NOW)
    .sort()
    .at(-1);
  console.log(`Template databases built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const runner = spawn(
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
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  status = await new Promise((resolve) => runner.once('exit', (code) => resolve(code ?? 1)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await Promise.all(templates.map((t) => t.done()));
}
// One plain closing line, whatever reporter is in use.
const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
const count = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
console.log(`${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped`);
process.exit(status);
