/**
 * Converts holiday-cn JSON files (the format of test/fixtures/holidays) into the shipped arrangement files
 * src/calendar/data/national/YYYY.json. Usage:
 *   node --import tsx scripts/calendar-convert-holiday-cn.ts path/to/holiday-cn/2027.json …
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fromHolidayCn } from '../src/calendar/arrangement.js';

const SOURCE =
  'NateScarlet/holiday-cn (MIT), commit d4e53bf, compiled from the State Council General Office notices';

for (const file of process.argv.slice(2)) {
  const arrangement = fromHolidayCn(JSON.parse(readFileSync(file, 'utf8')), SOURCE);
  const out = new URL(`../src/calendar/data/national/${arrangement.year}.json`, import.meta.url);
  writeFileSync(out, `${JSON.stringify(arrangement, null, 2)}\n`);
  console.log(`${file} → ${out.pathname} (${arrangement.days.length} days)`);
}
