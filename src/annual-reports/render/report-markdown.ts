/** The published report as Markdown (tables as pipe tables, one header row with the group labels joined). */
import type { TableJson } from '../../reports/report-json.js';
import { NARRATIVE_PARTS } from '../narrative.js';
import type { ReportSnapshot } from '../snapshot.js';
import { reportTitle } from './report-html.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const fmt = (v: number | null) => (v === null ? '' : String(v));

function table(t: TableJson): string {
  const lines: string[] = [];
  if (t.id === 't2') {
    for (const r of t.rows) {
      if (r.heading) continue;
      const cols = r.columns ?? [];
      const parent = t.rows.find((x) => x.id === r.parentId)?.label ?? '';
      lines.push(`| ${cell(parent)} | ${cols.map((c) => cell(c.label)).join(' | ')} |`);
      lines.push(`| --- | ${cols.map(() => '---:').join(' | ')} |`);
      lines.push(`| ${cell(r.label)} | ${r.values.map(fmt).join(' | ')} |`, '');
    }
    return lines.join('\n');
  }
  const cols = t.columns ?? [];
  lines.push(`| 项目 | ${cols.map((c) => cell([...c.groups, c.label].join(' › '))).join(' | ')} |`);
  lines.push(`| --- | ${cols.map(() => '---:').join(' | ')} |`);
  for (const r of t.rows) {
    lines.push(
      r.heading
        ? `| **${cell(r.label)}** | ${cols.map(() => '').join(' | ')} |`
        : `| ${cell(r.label)} | ${r.values.map(fmt).join(' | ')} |`,
    );
  }
  return lines.join('\n') + '\n';
}

export function reportToMarkdown(s: ReportSnapshot): string {
  const out = [`# ${reportTitle(s)}`, ''];
  for (const sec of s.report.sections) {
    out.push(`## ${sec.label}`, '');
    for (const p of NARRATIVE_PARTS.filter((x) => x.section === sec.id))
      out.push(`### ${p.label}`, '', s.narrative[p.id] || '无。', '');
    const t = sec.table ? s.report.tables.find((x) => x.id === sec.table) : undefined;
    if (t) out.push(table(t), '');
  }
  return out.join('\n');
}
