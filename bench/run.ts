/**
 * `npm run bench [-- --scale small|full] [-- NAME…]`: runs every registered benchmark and prints each
 * figure with its reference and ratio. Add a benchmark by adding a file to `bench/` and a line below.
 */
import type { Bench, BenchFigure } from './bench.js';

const benches: Array<() => Promise<{ default: Bench }>> = [
  () => import('./portal.bench.js'),
  () => import('./calendar.bench.js'),
  () => import('./reports.bench.js'),
  () => import('./requests.bench.js'),
  () => import('./audit.bench.js'),
  () => import('./publish.bench.js'),
  () => import('./interaction.bench.js'),
  () => import('./search.bench.js'),
  () => import('./catalog.bench.js'),
  () => import('./overload.bench.js'),
];

const args = process.argv.slice(2);
const scaleArg = args.indexOf('--scale');
const scale = scaleArg >= 0 && args[scaleArg + 1] === 'full' ? 'full' : 'small';
const names = args.filter((a, i) => !a.startsWith('--') && !['--scale', '--items'].includes(args[i - 1]!));

function format(f: BenchFigure): string {
  const n = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));
  const target = f.target === undefined ? '' : ` (target ${f.better === 'higher' ? '≥' : '≤'} ${f.target}×)`;
  return `  ${f.name}: ${n(f.value)} ${f.unit} | reference ${f.reference.name}: ${n(f.reference.value)} ${f.unit} | ratio ${f.ratio.toFixed(2)}×${target}${f.notes ? ` — ${f.notes}` : ''}`;
}

for (const load of benches) {
  const bench = (await load()).default;
  if (names.length && !names.some((n) => bench.name.includes(n))) continue;
  console.log(`# ${bench.name} (scale: ${scale})`);
  try {
    const figures = await bench.run({ scale, log: (line) => console.log(`  … ${line}`) });
    for (const f of figures) console.log(format(f));
  } catch (e) {
    // One broken benchmark must not hide the others' figures; the run still fails at the end.
    console.log(`  FAILED: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
