/**
 * HTML → lines of cells. Real <table>s become rows (one line per <tr>, one cell per <td>/<th>);
 * everything else becomes running text split at block elements — and text lines are then split like
 * plain text, because many portals publish tables flattened into <p>s. A tolerant scanner, not a DOM:
 * published pages are often malformed, and the auditor must never throw on them.
 */
import { foldWidth, toSimplified } from './normalise.js';
import { readText } from './text.js';
import type { Cell, Line, ReadDocument, ReadNote } from './document.js';
import type { Encoding } from './decode.js';

const NAMED: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'title', 'section', 'article', 'table',
  'ul', 'ol', 'blockquote', 'pre', 'header', 'footer', 'hr', 'dd', 'dt', 'caption',
]); // prettier-ignore

export function readHtml(html: string, encoding?: Encoding): ReadDocument {
  const notes: ReadNote[] = [];
  const simp = toSimplified(html);
  if (simp.converted) {
    notes.push({ code: 'document.traditional', message: '文档为繁体字，已转换为简体后审查。' });
  }
  const src = simp.text.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
  const lines: Line[] = [];
  const textLines: { text: string; line: number }[] = [];
  let text = '';
  let textLine = 1;
  let row: Cell[] | undefined;
  let rowLine = 1;
  let cell: string | undefined;
  let cellLine = 1;
  let line = 1;
  let last = 0;
  let skipUntil: string | undefined;

  const clean = (s: string) => foldWidth(decodeEntities(s)).replace(/\s+/g, ' ').trim();
  const flushText = () => {
    const t = clean(text);
    if (t) textLines.push({ text: t, line: textLine });
    if (t)
      lines.push({ cells: [{ text: t, pos: { line: textLine } }], kind: 'text', pos: { line: textLine } });
    text = '';
  };
  const flushCell = () => {
    if (cell === undefined || !row) return;
    row.push({ text: clean(cell), pos: { line: cellLine, cell: row.length + 1 } });
    cell = undefined;
  };
  const flushRow = () => {
    flushCell();
    if (row && row.some((c) => c.text !== '')) {
      while (row.length > 0 && row[row.length - 1]?.text === '') row.pop();
      lines.push({ cells: row, kind: 'row', pos: { line: rowLine } });
    }
    row = undefined;
  };

  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
  for (let m = tag.exec(src); m; m = tag.exec(src)) {
    const between = src.slice(last, m.index);
    const name = (m[2] ?? '').toLowerCase();
    const closing = m[1] === '/';
    if (skipUntil) {
      if (closing && name === skipUntil) skipUntil = undefined;
    } else if (cell !== undefined) {
      cell += between;
    } else if (!row) {
      if (text === '' && between.trim() !== '') textLine = line + leadingNewlines(between);
      text += between;
    }
    line += countNewlines(src, last, tag.lastIndex);
    last = tag.lastIndex;
    if (skipUntil) continue;
    if (!closing && (name === 'script' || name === 'style' || name === 'noscript')) {
      skipUntil = name;
      continue;
    }
    if (name === 'tr') {
      flushText();
      flushRow();
      if (!closing) {
        row = [];
        rowLine = line;
      }
    } else if (name === 'td' || name === 'th') {
      if (!row) {
        flushText();
        row = [];
        rowLine = line;
      }
      flushCell();
      if (!closing) {
        cell = '';
        cellLine = line;
      }
    } else if (name === 'table' && closing) {
      flushRow();
    } else if (BLOCK.has(name)) {
      if (cell !== undefined) cell += ' ';
      else if (!row) flushText();
    }
  }
  if (!skipUntil) {
    const rest = src.slice(last);
    if (cell !== undefined) cell += rest;
    else if (!row) text += rest;
  }
  flushRow();
  flushText();

  // A page with no real table: re-split its text lines the way plain text is split, so that a flattened
  // table ("规章 0 0 0", cells in separate <p>s) reads the same as a copied one.
  if (!lines.some((l) => l.kind === 'row')) {
    const asText = readText(textLines.map((t) => t.text).join('\n'));
    const byIndex = textLines.map((t) => t.line);
    for (const l of asText.lines) {
      const srcLine = byIndex[l.pos.line - 1] ?? l.pos.line;
      l.pos = { line: srcLine };
      for (const c of l.cells) c.pos = { ...c.pos, line: srcLine };
    }
    return { source: 'html', ...(encoding ? { encoding } : {}), lines: asText.lines, notes };
  }
  return { source: 'html', ...(encoding ? { encoding } : {}), lines, notes };
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function leadingNewlines(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === '\n') n++;
    else if (ch.trim() !== '') break;
  }
  return n;
}
