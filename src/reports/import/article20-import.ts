/**
 * Import of table 二 figures from the downloadable template: one line per cell (行编号, 项目, 列编号, 指标,
 * 数值, 数据来源). Ids decide; labels are for people. Every line is checked, then the whole file is stored
 * through `saveArticle20Figures`, or nothing is.
 */
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { checkReportYear } from '../agency-report.js';
import { article20Problems, saveArticle20Figures } from '../entry/save-article20.js';
import { findRow, formatForYear, formatOf } from '../model/formats.js';
import type { FormatVersion } from '../model/types.js';
import type { Article20Entry } from '../ports.js';
import { importRefused, readSheet, writeSheet, type SheetKind } from '../../sheets/sheet.js';

const ARTICLE20_HEADER = ['行编号', '项目', '列编号', '指标', '数值', '数据来源'] as const;

/** Every cell of table 二 in the year's format, values blank. */
function article20TemplateRows(format: FormatVersion): string[][] {
  const rows = formatOf(format).tables.t2.rows;
  const out: string[][] = [[...ARTICLE20_HEADER]];
  for (const row of rows) {
    if (row.heading) continue;
    const parent = rows.find((r) => r.id === row.parentId);
    for (const c of row.columns) {
      out.push([
        row.id,
        `${parent ? `${parent.label} ` : ''}${row.label}`,
        c.id,
        c.unit ? `${c.label}（${c.unit}）` : c.label,
        '',
        '',
      ]);
    }
  }
  return out;
}

export function article20Template(year: number, kind: SheetKind): Promise<Buffer> {
  return writeSheet(article20TemplateRows(formatForYear(year)), kind, '主动公开情况');
}

/** Lines → entries (one per form row), or the problems of every bad line. */
function parseArticle20Rows(
  format: FormatVersion,
  lines: readonly (readonly string[])[],
): { entries: Article20Entry[]; lineOf: Map<string, number>; problems: string[] } {
  const problems: string[] = [];
  const header = lines[0] ?? [];
  if (ARTICLE20_HEADER.some((h, i) => header[i] !== h)) {
    return {
      entries: [],
      lineOf: new Map(),
      problems: [`第1行应为表头：${ARTICLE20_HEADER.join('、')}。请使用下载的模板。`],
    };
  }
  const byRow = new Map<string, { values: Record<string, number | null>; sources: Set<string> }>();
  const lineOf = new Map<string, number>();
  lines.slice(1).forEach((cells, i) => {
    const n = i + 2;
    const [rowId = '', , columnId = '', , valueText = '', source = ''] = cells;
    if (cells.every((c) => c === '')) return;
    const row = findRow(format, rowId);
    if (!row || row.heading || !rowId.startsWith('t2.'))
      return void problems.push(`第${n}行：行编号“${rowId}”不在${format}年版格式的主动公开情况表中。`);
    const column = row.columns.find((c) => c.id === columnId);
    if (!column) return void problems.push(`第${n}行：“${row.label}”没有列编号“${columnId}”。`);
    const text = valueText.replace(/,/g, '');
    if (text === '') return; // a blank value leaves the cell blank
    const value = Number(text);
    if (!/^-?\d+(\.\d+)?$/.test(text))
      return void problems.push(
        `第${n}行：“${row.label}”的“${column.label}”应为数字（当前为“${valueText}”）。`,
      );
    if (!source) return void problems.push(`第${n}行：请填写数据来源。`);
    const entry = byRow.get(rowId) ?? { values: {}, sources: new Set<string>() };
    if (columnId in entry.values)
      return void problems.push(`第${n}行：“${row.label}”的“${column.label}”重复填写。`);
    entry.values[columnId] = value;
    entry.sources.add(source);
    byRow.set(rowId, entry);
    if (!lineOf.has(rowId)) lineOf.set(rowId, n);
  });
  const entries = [...byRow].map(([rowId, e]) => ({
    rowId,
    values: e.values,
    source: [...e.sources].join('；'),
  }));
  // The entry rules (kinds of numbers, signs), reported against the row's first line.
  for (const [rowId, message] of Object.entries(article20Problems(format, entries))) {
    problems.push(`第${lineOf.get(rowId)}行起：${message}`);
  }
  if (!problems.length && !entries.length) problems.push('文件中没有填写任何数值。');
  return { entries, lineOf, problems };
}

export async function importArticle20(
  ctx: AppContext,
  actor: Actor,
  agencyId: string,
  year: number,
  data: Buffer,
  kind: SheetKind,
): Promise<{ rows: number }> {
  checkReportYear(year);
  const { entries, problems } = parseArticle20Rows(formatForYear(year), await readSheet(data, kind));
  if (problems.length) throw importRefused(problems);
  try {
    await saveArticle20Figures(ctx, actor, agencyId, year, entries, 'import');
  } catch (e) {
    if (e instanceof DomainError && e.code === 'validation.failed' && Object.keys(e.fields).length)
      throw importRefused(Object.values(e.fields));
    throw e;
  }
  return { rows: entries.length };
}
