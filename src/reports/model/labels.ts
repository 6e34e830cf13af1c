/**
 * Matching printed label text to row, column and section ids. Published reports mix full- and half-width
 * brackets, Chinese and ASCII quotes, 繁体 mirrors and line breaks inside cells (statutory.md §2.3, §3.3), so
 * labels are compared after normalisation.
 */
import { Converter } from 'opencc-js/t2cn';
import { FORMATS } from './formats.js';
import type { FormatVersion, TableId } from './types.js';

let toSimplified: ((s: string) => string) | undefined;
function simplified(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

const BRACKETS: Record<string, string> = { '〔': '(', '〕': ')', '[': '(', ']': ')', '【': '(', '】': ')' };
const QUOTES = /["'“”‘’「」『』〝〞]/g;

/**
 * Canonical form of a label: NFKC (full-width to half-width), 繁体 to 简体, every bracket to ASCII round
 * brackets, quotes and whitespace removed.
 */
export function normaliseLabel(text: string): string {
  return simplified(text.normalize('NFKC'))
    .replace(/[〔〕[\]【】]/g, (c) => BRACKETS[c] ?? c)
    .replace(QUOTES, '')
    .replace(/\s+/g, '');
}

/** Looser form: leading ordinals (一、 (一) 1. ) and trailing explanatory brackets dropped. */
function looseLabel(text: string): string {
  let s = normaliseLabel(text);
  s = s.replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、])/, '');
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(/\([^()]*\)$/, '');
  }
  return s;
}

type LabelKind = 'row' | 'column' | 'section';

interface LabelMatch {
  kind: LabelKind;
  /** Row id, column id (local to `table`) or section id. */
  id: string;
  table?: TableId;
  /** The formats in which this id carries this label. */
  formats: FormatVersion[];
  /** True when the normalised text equals the label; false for a match after dropping ordinals or notes. */
  exact: boolean;
}

interface Entry {
  kind: LabelKind;
  id: string;
  table?: TableId;
  format: FormatVersion;
  label: string;
}

let entries: Entry[] | undefined;
let exactIndex: Map<string, Entry[]> | undefined;
let looseIndex: Map<string, Entry[]> | undefined;

function index(): { exact: Map<string, Entry[]>; loose: Map<string, Entry[]> } {
  if (!entries) {
    entries = [];
    for (const format of Object.values(FORMATS)) {
      for (const s of format.sections)
        entries.push({ kind: 'section', id: s.id, format: format.version, label: s.label });
      for (const table of Object.values(format.tables)) {
        const seen = new Set<string>();
        for (const row of table.rows) {
          if (row.label)
            entries.push({
              kind: 'row',
              id: row.id,
              table: table.id,
              format: format.version,
              label: row.label,
            });
          for (const col of row.columns) {
            if (seen.has(col.id)) continue;
            seen.add(col.id);
            entries.push({
              kind: 'column',
              id: col.id,
              table: table.id,
              format: format.version,
              label: col.label,
            });
          }
        }
      }
    }
    exactIndex = new Map();
    looseIndex = new Map();
    for (const e of entries) {
      push(exactIndex, normaliseLabel(e.label), e);
      push(looseIndex, looseLabel(e.label), e);
    }
  }
  return { exact: exactIndex!, loose: looseIndex! };
}

function push(map: Map<string, Entry[]>, key: string, e: Entry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

interface MatchOptions {
  format?: FormatVersion;
  table?: TableId;
  kind?: LabelKind;
}

/**
 * Every id whose label matches `text`: exact matches (after normalisation) if there are any, otherwise loose
 * ones. Several results mean the label is ambiguous without more context (e.g. 结果维持 in table 四, 其他).
 */
export function matchLabel(text: string, options: MatchOptions = {}): LabelMatch[] {
  const { exact, loose } = index();
  const keep = (e: Entry) =>
    (!options.format || e.format === options.format) &&
    (!options.table || e.table === options.table) &&
    (!options.kind || e.kind === options.kind);
  let found = (exact.get(normaliseLabel(text)) ?? []).filter(keep);
  const isExact = found.length > 0;
  if (!isExact) found = (loose.get(looseLabel(text)) ?? []).filter(keep);
  const out = new Map<string, LabelMatch>();
  for (const e of found) {
    const key = `${e.kind}|${e.table ?? ''}|${e.id}`;
    const m = out.get(key);
    if (m) m.formats.push(e.format);
    else
      out.set(key, {
        kind: e.kind,
        id: e.id,
        ...(e.table ? { table: e.table } : {}),
        formats: [e.format],
        exact: isExact,
      });
  }
  return [...out.values()];
}

/** The one row id a label names in `table`, or undefined when it names none or several. */
export function matchRowId(text: string, table: TableId, format?: FormatVersion): string | undefined {
  const found = matchLabel(text, { table, kind: 'row', ...(format ? { format } : {}) });
  return found.length === 1 ? found[0]!.id : undefined;
}
