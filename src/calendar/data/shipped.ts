/**
 * Loads the holiday data shipped with the project: national/YYYY.json (one file per notice year, converted
 * from test/fixtures/holidays with scripts/calendar-convert-holiday-cn.ts) and regions/CODE.json (regional
 * overlays). Read once and cached; the files are validated so a bad edit fails loudly at start-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import {
  type HolidayArrangement,
  type RegionalOverlay,
  parseArrangementText,
  parseOverlay,
} from '../arrangement.js';

const dir = (sub: string) => new URL(`./${sub}/`, import.meta.url);

function readJsonFiles(sub: string): Array<{ name: string; text: string }> {
  return readdirSync(dir(sub))
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, dir(sub)), 'utf8') }));
}

let national: HolidayArrangement[] | undefined;
let regional: RegionalOverlay[] | undefined;

/** The national arrangements 2007–2026, in notice-year order. */
export function shippedArrangements(): HolidayArrangement[] {
  national ??= readJsonFiles('national').map(({ name, text }) => parseArrangementText(text, `shipped:${name}`));
  return national;
}

/** The regional overlays (广西, 新疆, 宁夏, 西藏, 湖北 2020); most facts are marked unconfirmed. */
export function shippedOverlays(): RegionalOverlay[] {
  regional ??= readJsonFiles('regions').map(({ name, text }) => parseOverlay(JSON.parse(text), `shipped:${name}`));
  return regional;
}
