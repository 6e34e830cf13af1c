/**
 * Figures stated in the text of 一、总体情况 against the tables (statutory.md §2.5 rule 10 [D]). Only
 * unambiguous phrasings are read ("收到…申请 N 件", "制发规范性文件 N 件", "未收到…申请"), and a figure is
 * compared only when every table cell it refers to was seen with a number.
 */
import { cellId, type FormatVersion } from '../../reports/model/index.js';
import { lineText } from '../read/document.js';
import { finding, type AuditFinding } from '../findings.js';
import { sectionLines } from '../understand/sections.js';
import type { Understood } from '../understood.js';
import type { SeenCell } from '../map/extract.js';

interface Claim {
  what: string;
  pattern: RegExp;
  /** Cells whose sum the figure states, per format. */
  cells: (f: FormatVersion) => string[] | undefined;
  /** Pattern stating zero ("未收到…申请"). */
  zero?: RegExp;
}

const N = '(\\d+)\\s*(?:件|条|个|份|起)';

const CLAIMS: readonly Claim[] = [
  {
    what: '本年新收政府信息公开申请',
    pattern: new RegExp(
      `(?:共|全年|累计|本年度?)?(?:收到|受理|接收|新收)[^。；，,]{0,16}?申请(?:共|合计)?\\s*${N}`,
    ),
    zero: /未(?:收到|受理|接到)[^。；]{0,30}?(?:公开)?申请/,
    cells: () => [cellId('t3.r1', 'total')],
  },
  {
    what: '本年制发规范性文件',
    pattern: new RegExp(`(?:制发|制定|印发|出台)[^。；，,]{0,6}?规范性文件\\s*${N}`),
    cells: (f) => [cellId('t2.r1.normative', f === '2021' ? 'issued' : 'made')],
  },
  {
    what: '本年废止规范性文件',
    pattern: new RegExp(`(?:废止|废除)[^。；，,]{0,6}?规范性文件\\s*${N}`),
    cells: (f) => (f === '2021' ? [cellId('t2.r1.normative', 'repealed')] : undefined),
  },
  {
    what: '现行有效规范性文件',
    pattern: new RegExp(`(?:现行有效|正在实施)[^。；，,]{0,6}?规范性文件\\s*${N}`),
    cells: (f) => (f === '2021' ? [cellId('t2.r1.normative', 'inForce')] : undefined),
  },
  {
    what: '行政复议',
    pattern: new RegExp(`(?:发生|收到|涉及)[^。；，,]{0,10}?行政复议(?:案件|申请)?\\s*${N}`),
    cells: () => [cellId('t4.r1', 'review.total')],
  },
];

export function narrativeRule(u: Understood): AuditFinding[] {
  const out: AuditFinding[] = [];
  const lines = u.sections[0]?.found ? sectionLines(u.doc.lines, u.sections, 1) : [];
  const seen = new Map<string, SeenCell>();
  for (const t of [u.tables.t2, u.tables.t3, u.tables.t4]) {
    for (const r of t.rows)
      for (const [col, c] of Object.entries(r.cells)) seen.set(cellId(r.row.id, col), c);
  }
  const format = (t: 't2' | 't3'): FormatVersion => (u.tables[t].format === '2021' ? '2021' : '2019');
  const done = new Set<string>();
  for (const line of lines) {
    if (line.kind === 'row') continue;
    const text = lineText(line).replace(/\s+/g, '');
    for (const claim of CLAIMS) {
      if (done.has(claim.what)) continue;
      const m = claim.pattern.exec(text);
      const stated = m ? Number(m[1]) : claim.zero?.test(text) ? 0 : undefined;
      if (stated === undefined) continue;
      const ids = claim.cells(format(claim.what.includes('规范性文件') ? 't2' : 't3'));
      if (!ids) continue;
      done.add(claim.what);
      const cells = ids.map((id) => seen.get(id));
      if (!cells.every((c) => c?.status === 'value')) continue;
      const table = cells.reduce((s, c) => s + (c?.status === 'value' ? c.value : 0), 0);
      if (table === stated) continue;
      const first = cells[0];
      out.push(
        finding(
          'narrative.mismatch',
          `第 ${line.pos.line} 行正文称${claim.what}${stated} 件，但统计表中为 ${table} 件${first?.status === 'value' ? `（第 ${first.pos.line} 行）` : ''}。`,
          {
            section: 1,
            line: line.pos.line,
            ...(ids[0]
              ? {
                  table: ids[0].slice(0, 2) as 't2' | 't3' | 't4',
                  rowId: ids[0].split(':')[0]!,
                  columnId: ids[0].split(':')[1]!,
                }
              : {}),
          },
          { expected: table, actual: stated },
        ),
      );
    }
  }
  return out;
}
