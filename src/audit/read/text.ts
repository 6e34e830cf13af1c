/**
 * Plain text copied from a web page → lines of cells. Cells are separated by tabs, by "|" (markdown-ish
 * and some copy tools), by runs of two or more spaces, and — for "规章 0 0 0" style rows — trailing
 * single-space-separated values are split off the label. A line that begins with a separator continues
 * the previous row (copying a table often breaks a row after each cell).
 */
import { foldWidth, toSimplified } from './normalise.js';
import { isValueText } from './values.js';
import type { Cell, Line, ReadDocument, ReadNote } from './document.js';
import type { Encoding } from './decode.js';

const SENTENCE = /[。；;！？!?，,：:]/;

/** Split "label v1 v2 v3" into ["label", "v1", "v2", "v3"] when the tail is values and the head is a label. */
function splitTrailingValues(cell: string): string[] {
  const parts = cell.split(/ +/);
  if (parts.length < 2) return [cell];
  let i = parts.length;
  while (i > 0) {
    const p = parts[i - 1] ?? '';
    if (isValueText(p)) {
      i--;
      continue;
    }
    // "63.79 万元": a unit word after a number belongs to it.
    if (/^(万元|元)$/.test(p) && i >= 2 && isValueText(parts[i - 2] ?? '')) {
      parts.splice(i - 2, 2, `${parts[i - 2]} ${p}`);
      i--;
      continue;
    }
    break;
  }
  if (i === parts.length || i === 0) return [cell];
  const head = parts.slice(0, i).join(' ');
  // A sentence that happens to end in a number is narrative, not a row.
  if (SENTENCE.test(head) || head.length > 60) return [cell];
  // Ordinal-only heads ("1." / "(一)") are part of a label, never a label on their own with values.
  if (/^(\d+\.?|\(?[一二三四五六七八九十]+\)?、?)$/.test(head)) return [cell];
  return [head, ...parts.slice(i)];
}

function splitCells(raw: string): { cells: string[]; separated: boolean; continues: boolean } {
  const continues = /^\s*[|｜]/.test(raw);
  const byHard = raw.split(/\t|[|｜]| {2,}|\u3000+/);
  const separated = byHard.length > 1;
  const cells: string[] = [];
  for (const c of byHard) {
    const t = c.trim();
    if (separated && t === '') {
      cells.push('');
      continue;
    }
    if (t === '') continue;
    cells.push(...splitTrailingValues(t));
  }
  // Trailing empty cells come from trailing separators; leading ones are merged-cell gaps and matter less.
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return { cells, separated: separated || cells.length > 1, continues };
}

export function readText(text: string, encoding?: Encoding): ReadDocument {
  const notes: ReadNote[] = [];
  const simp = toSimplified(text);
  if (simp.converted) {
    notes.push({ code: 'document.traditional', message: '文档为繁体字，已转换为简体后审查。' });
  }
  const rawLines = foldWidth(simp.text).split(/\r\n|\r|\n/);
  const lines: Line[] = [];
  let lastLineNo = 0;
  rawLines.forEach((raw, idx) => {
    const lineNo = idx + 1;
    const { cells, separated, continues } = splitCells(raw);
    if (cells.length === 0 || cells.every((c) => c === '')) return;
    const prev = lines[lines.length - 1];
    if (continues && prev && prev.kind === 'row' && lastLineNo === lineNo - 1) {
      for (const c of cells) {
        if (c === '') continue;
        prev.cells.push({ text: c, pos: { line: lineNo, cell: prev.cells.length + 1 } });
      }
      lastLineNo = lineNo;
      return;
    }
    lastLineNo = lineNo;
    const out: Cell[] = cells.map((c, i) => ({ text: c, pos: { line: lineNo, cell: i + 1 } }));
    lines.push({ cells: out, kind: separated ? 'row' : 'text', pos: { line: lineNo } });
  });
  return encoding ? { source: 'text', encoding, lines, notes } : { source: 'text', lines, notes };
}
