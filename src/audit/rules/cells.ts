/**
 * Cell-level defects: blank cells (the form wants 0 for none), placeholders ("/", "—", "无") where a count is
 * due, text or negative counts, and the common 总计 column left blank. Blank cells are grouped per row (and
 * per table when a whole table is empty) so that one defect gives one finding.
 */
import { finding, TABLE_NAMES, type AuditFinding } from '../findings.js';
import type { Understood } from '../understood.js';
import type { ExtractedTable, SeenCell } from '../map/extract.js';

const SECTION_OF = { t2: 2, t3: 3, t4: 4 } as const;

function posOf(c: SeenCell) {
  return c.status === 'unseen'
    ? {}
    : {
        line: c.pos.line,
        ...(c.pos.cell ? { cell: c.pos.cell } : {}),
        ...(c.pos.page ? { page: c.pos.page } : {}),
      };
}

function tableCells(t: ExtractedTable): AuditFinding[] {
  const out: AuditFinding[] = [];
  const section = SECTION_OF[t.id];
  const rows = t.rows.filter((r) => !r.row.heading && r.pos);
  const seenCells = rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.status !== 'unseen');
  if (seenCells.length === 0) return out;
  if (seenCells.every((c) => c.status === 'blank')) {
    out.push(
      finding(
        'cell.blank',
        `${TABLE_NAMES[t.id]}所有单元格都是空的（共 ${seenCells.length} 格），没有填写任何数字；没有发生的应填 0。`,
        {
          section,
          table: t.id,
          ...(t.pos ? { line: t.pos.line } : {}),
        },
      ),
    );
    return out;
  }
  // A 总计 column blank in every row while other columns carry numbers (table 三).
  const totalBlank = new Set<string>();
  if (t.id === 't3') {
    const totals = rows.map((r) => r.cells.total).filter((c): c is SeenCell => !!c && c.status !== 'unseen');
    if (totals.length > 1 && totals.every((c) => c.status === 'blank')) {
      out.push(
        finding('cell.blank', `${TABLE_NAMES.t3}“总计”列整列为空。`, {
          section,
          table: 't3',
          columnId: 'total',
          columnLabel: '总计',
          ...posOf(totals[0]!),
        }),
      );
      for (const r of rows) totalBlank.add(r.row.id);
    }
  }
  for (const r of rows) {
    const blanks = r.row.columns.filter(
      (col) => r.cells[col.id]?.status === 'blank' && !(col.id === 'total' && totalBlank.has(r.row.id)),
    );
    if (blanks.length > 0) {
      const first = r.cells[blanks[0]!.id]!;
      out.push(
        finding(
          'cell.blank',
          `${TABLE_NAMES[t.id]}“${r.row.label || '数据行'}”行的${blanks.map((c) => `“${c.label}”`).join('、')}为空。`,
          {
            section,
            table: t.id,
            rowId: r.row.id,
            rowLabel: r.row.label,
            columnId: blanks[0]!.id,
            columnLabel: blanks[0]!.label,
            ...posOf(first),
          },
        ),
      );
    }
    for (const col of r.row.columns) {
      const c = r.cells[col.id];
      if (!c || (c.status !== 'invalid' && c.status !== 'placeholder')) continue;
      const loc = {
        section,
        table: t.id,
        rowId: r.row.id,
        rowLabel: r.row.label,
        columnId: col.id,
        columnLabel: col.label,
        ...posOf(c),
      };
      if (c.status === 'placeholder') {
        out.push(
          finding(
            'cell.invalid',
            `${TABLE_NAMES[t.id]}“${r.row.label || '数据行'}”行“${col.label}”填的是“${c.raw}”，应填数字（没有的填 0）。`,
            loc,
            { actual: c.raw, severity: 'warning' },
          ),
        );
      } else {
        out.push(
          finding(
            'cell.invalid',
            `${TABLE_NAMES[t.id]}“${r.row.label || '数据行'}”行“${col.label}”的“${c.raw}”无效：${c.why}。`,
            loc,
            { actual: c.raw },
          ),
        );
      }
    }
  }

  return out;
}

export function cellRules(u: Understood): AuditFinding[] {
  return [u.tables.t2, u.tables.t3, u.tables.t4].flatMap((t) => tableCells(t));
}
