/**
 * Missing sections, tables and rows, and whether what is missing is one continuous piece — a lost page or a
 * cut-off paste — rather than scattered omissions. The expected order of a report (sections, then within
 * 二 and 三 the model's rows, then table 四) is walked once; each run of missing items is reported once
 * with its neighbours, in addition to the per-item findings.
 */
import { finding, SECTION_NAMES, TABLE_NAMES, type AuditFinding } from '../findings.js';
import { SECTION_TITLES, type SectionNo } from '../understand/sections.js';
import type { Understood } from '../understood.js';
import type { SourcePos } from '../read/document.js';
import type { TableId } from '../../reports/model/index.js';

interface Item {
  /** Section the item belongs to (1–6). */
  section: SectionNo;
  label: string;
  found: boolean;
  pos?: SourcePos;
  table?: TableId;
  rowId?: string;
  /** The section heading itself. */
  heading?: boolean;
}

function items(u: Understood): Item[] {
  const out: Item[] = [];
  for (const s of u.sections) {
    out.push({
      section: s.no,
      label: SECTION_TITLES[s.no],
      found: s.found,
      heading: true,
      ...(s.pos ? { pos: s.pos } : {}),
    });
    const table = s.no === 2 ? u.tables.t2 : s.no === 3 ? u.tables.t3 : s.no === 4 ? u.tables.t4 : undefined;
    if (!table) continue;
    if (table.id === 't4') {
      const row = table.rows[0]!;
      const seen = Object.values(row.cells).some((c) => c.status !== 'unseen');
      out.push({
        section: 4,
        label: '表四（行政复议、行政诉讼情况统计表）',
        found: seen,
        table: 't4',
        rowId: row.row.id,
        ...(row.pos ? { pos: row.pos } : {}),
      });
      continue;
    }
    for (const r of table.rows) {
      out.push({
        section: s.no,
        label: r.row.label,
        found: r.pos !== undefined,
        table: table.id,
        rowId: r.row.id,
        ...(r.pos ? { pos: r.pos } : {}),
      });
    }
  }
  return out;
}

function describe(run: Item[]): string {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const parts: string[] = [];
  const bySection = new Map<number, Item[]>();
  for (const it of run) bySection.set(it.section, [...(bySection.get(it.section) ?? []), it]);
  for (const [no, list] of bySection) {
    if (list.some((i) => i.heading))
      parts.push(`第${SECTION_NAMES[no - 1]}部分“${SECTION_TITLES[no as SectionNo]}”整节`);
    else {
      const rows = list.filter((i) => i.rowId);
      const t = rows[0]?.table;
      const name = t ? TABLE_NAMES[t] : '';
      parts.push(
        rows.length === 1
          ? `${name}“${rows[0]!.label}”行`
          : `${name}从“${rows[0]!.label}”到“${rows[rows.length - 1]!.label}”共 ${rows.length} 行`,
      );
    }
  }
  return first === last ? parts[0]! : parts.join('，以及');
}

export function structureRules(u: Understood): AuditFinding[] {
  const out: AuditFinding[] = [];
  const all = items(u);
  if (u.doc.lines.length === 0) return out;

  // Items lost in a cut-off tail are named once, in the truncation finding, not one by one.
  const tail = new Set<string>();
  if (u.end.truncated) {
    for (let k = all.length - 1; k >= 0 && !all[k]!.found; k--) {
      const it = all[k]!;
      tail.add(it.rowId ?? `s${it.section}`);
    }
  }

  // Per-item findings.
  for (const s of u.sections) {
    if (!s.found && !tail.has(`s${s.no}`)) {
      out.push(
        finding('section.missing', `缺少第${SECTION_NAMES[s.no - 1]}部分“${SECTION_TITLES[s.no]}”。`, {
          section: s.no,
        }),
      );
    }
  }
  for (const t of [u.tables.t2, u.tables.t3, u.tables.t4]) {
    const section = t.id === 't2' ? 2 : t.id === 't3' ? 3 : 4;
    const numeric = t.rows.filter((r) => !r.row.heading);
    const found = numeric.filter((r) => r.pos !== undefined);
    if (found.length === 0) {
      if (numeric.every((r) => tail.has(r.row.id))) continue;
      // Table 四 inside a missing section is covered by section.missing; say it once more only if the section exists.
      if (u.sections[section - 1]?.found || t.id !== 't4') {
        out.push(
          finding(
            'table.missing',
            `缺少${TABLE_NAMES[t.id]}（第${SECTION_NAMES[section - 1]}部分的统计表），其数据无法核对。`,
            { section, table: t.id },
          ),
        );
      }
      continue;
    }
    for (const r of numeric) {
      if (r.pos || tail.has(r.row.id)) continue;
      out.push(
        finding('table.row_missing', `${TABLE_NAMES[t.id]}缺少“${r.row.label}”行。`, {
          section,
          table: t.id,
          rowId: r.row.id,
          rowLabel: r.row.label,
        }),
      );
    }
  }

  // Runs of missing items: a run that crosses a section boundary in the middle of the document, or the tail
  // of a document that ends abruptly, is one lost piece.
  let i = 0;
  const runs: { run: Item[]; before?: Item; after?: Item }[] = [];
  while (i < all.length) {
    if (all[i]!.found) {
      i++;
      continue;
    }
    let j = i;
    while (j < all.length && !all[j]!.found) j++;
    const run = all.slice(i, j);
    const before = i > 0 ? all[i - 1] : undefined;
    const after = j < all.length ? all[j] : undefined;
    runs.push({ run, ...(before ? { before } : {}), ...(after ? { after } : {}) });
    i = j;
  }
  for (const { run, before, after } of runs) {
    const sections = new Set(run.map((r) => r.section));
    const what = describe(run);
    if (!after) {
      if (!u.end.truncated) continue;
      out.push(
        finding(
          'document.truncated',
          `文档在${u.end.lastPos ? `第 ${u.end.lastPos.line} 行` : '末尾'}截断（${u.end.reasons.join('；')}）。其后缺失：${what}。`,
          { ...(u.end.lastPos ? { line: u.end.lastPos.line } : {}), section: run[0]!.section },
        ),
      );
    } else if (before && sections.size > 1 && before.section !== after.section) {
      const from = before.pos?.line;
      const to = after.pos?.line;
      out.push(
        finding(
          'document.truncated',
          `文档中间有一段连续缺失${from && to ? `（第 ${from} 行与第 ${to} 行之间）` : ''}：${what}。缺失内容前后相接、之后的内容完整，疑似漏贴一页或复制时遗漏，而不是文档末尾被截断。`,
          { section: run[0]!.section, ...(from ? { line: from } : {}) },
        ),
      );
    }
  }
  // An abrupt end with nothing structurally missing (e.g. mid-sentence in section 六).
  if (u.end.truncated && !runs.some((r) => !r.after)) {
    out.push(
      finding('document.truncated', `文档末尾不完整（${u.end.reasons.join('；')}）。`, {
        ...(u.end.lastPos ? { line: u.end.lastPos.line } : {}),
      }),
    );
  }
  return out;
}
