/**
 * Rendering a synthetic report the way portals publish them: copied text (tab- or space-separated cells,
 * like the seed) or HTML (<table>s). Labels come from the report model. Presentation variants (繁体,
 * half-width brackets, labels broken across lines) must not change what the auditor finds.
 */
import { Converter } from 'opencc-js/cn2t';
import { FORMATS, SECTIONS, TABLE3_NOTE, cellId, type TableId } from '../../reports/model/index.js';
import type { SyntheticReport } from './generate.js';

export interface RenderOptions {
  kind: 'text' | 'html';
  traditional?: boolean;
  halfWidthBrackets?: boolean;
  /** Separate text cells with two spaces instead of tabs. */
  spaces?: boolean;
  /** Break long row labels across two lines (text) or with <br> (HTML). */
  breakLabels?: boolean;
  omitRows?: ReadonlySet<string>;
  omitSections?: ReadonlySet<number>;
  /** Cell text overrides by cell id ('' for a blank cell). */
  cellText?: ReadonlyMap<string, string>;
  /** Extra lines appended to a section (1–6). */
  extra?: ReadonlyArray<{ section: number; text: string }>;
  /** Keep only this fraction of the rendered lines (a cut-off copy). */
  truncateAt?: number;
  /** A "发布时间" line under the title. */
  publishedOn?: string;
}

let toTraditional: ((s: string) => string) | undefined;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function render(rep: SyntheticReport, o: RenderOptions): string {
  const layout = FORMATS[rep.format];
  const out: string[] = [];
  const sep = o.spaces ? '  ' : '\t';
  const value = (id: string, t: TableId) => o.cellText?.get(id) ?? String(rep.tables[t][id] ?? '');
  const para = (s: string) => out.push(o.kind === 'html' ? `<p>${esc(s)}</p>` : s);
  const row = (cells: string[]) => {
    if (o.kind === 'html')
      out.push(`<tr>${cells.map((c) => `<td>${esc(c).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`);
    else out.push(cells.join(sep));
  };
  const label = (s: string) => (o.breakLabels && s.length > 12 ? `${s.slice(0, 8)}\n${s.slice(8)}` : s);
  const extra = (n: number) => (o.extra ?? []).filter((e) => e.section === n).forEach((e) => para(e.text));

  para(`${rep.agency} ${rep.year} 年政府信息公开工作年度报告`);
  if (o.publishedOn) para(`发布时间：${o.publishedOn}`);
  for (const s of SECTIONS) {
    const no = Number(s.id.slice(1));
    if (o.omitSections?.has(no)) continue;
    para(s.label);
    if (no === 1) rep.narrative.s1.forEach(para);
    if (no === 5) rep.narrative.s5.forEach(para);
    if (no === 6) rep.narrative.s6.forEach(para);
    if (s.table) {
      const t = layout.tables[s.table];
      if (o.kind === 'html') out.push('<table>');
      if (t.id === 't2') {
        for (const r of t.rows) {
          if (o.omitRows?.has(r.id)) continue;
          if (r.heading) {
            row([r.label]);
            const child = t.rows.find((c) => c.parentId === r.id);
            row(['信息内容', ...(child?.columns.map((c) => c.label) ?? [])]);
          } else row([label(r.label), ...r.columns.map((c) => value(cellId(r.id, c.id), 't2'))]);
        }
      } else if (t.id === 't3') {
        const cols = t.rows[0]!.columns;
        row([TABLE3_NOTE, '申请人情况']);
        row(['', '自然人', '法人或其他组织', '', '', '', '', '总计']);
        row(['', '', ...cols.slice(1, 6).map((c) => c.label)]);
        for (const r of t.rows) {
          if (o.omitRows?.has(r.id)) continue;
          if (r.heading) row([r.label]);
          else row([label(r.label), ...r.columns.map((c) => value(cellId(r.id, c.id), 't3'))]);
        }
      } else {
        const r = t.rows[0]!;
        row(['行政复议', '', '', '', '', '行政诉讼']);
        row([
          '结果维持',
          '结果纠正',
          '其他结果',
          '尚未审结',
          '总计',
          '未经复议直接起诉',
          '',
          '',
          '',
          '',
          '复议后起诉',
        ]);
        row([...r.columns.slice(5, 10).map((c) => c.label), ...r.columns.slice(10).map((c) => c.label)]);
        if (!o.omitRows?.has(r.id)) row(r.columns.map((c) => value(cellId(r.id, c.id), 't4')));
      }
      if (o.kind === 'html') out.push('</table>');
    }
    extra(no);
  }
  let lines = out;
  if (o.truncateAt !== undefined)
    lines = lines.slice(0, Math.max(1, Math.floor(lines.length * o.truncateAt)));
  let text = lines.join('\n');
  if (o.kind === 'html') {
    text = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(rep.agency)}${rep.year}年政府信息公开工作年度报告</title></head><body>\n${text}\n</body></html>`;
    if (o.truncateAt !== undefined) text = text.replace(/\n<\/body><\/html>$/, '');
  }
  if (o.halfWidthBrackets) text = text.replace(/（/g, '(').replace(/）/g, ')');
  if (o.traditional) text = (toTraditional ??= Converter({ from: 'cn', to: 't' }))(text);
  return text;
}
