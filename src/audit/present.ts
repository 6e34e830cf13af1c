/** Audit results as Chinese text for people, and as one JSON object per file for tools. */
import type { AuditResult } from './audit.js';
import { SECTION_NAMES, TABLE_NAMES } from './findings.js';
import type { AuditFinding } from './findings.js';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;
export const FORMAT_LABEL = {
  '2019': '2019年试行格式',
  '2021': '2021年格式',
  legacy: '2019年以前的自由格式',
  unknown: '无法判断',
} as const;

function where(f: AuditFinding): string {
  const l = f.location;
  const parts: string[] = [];
  if (l.page) parts.push(`第${l.page}页`);
  if (l.line) parts.push(`第${l.line}行${l.cell ? `第${l.cell}格` : ''}`);
  if (l.section) parts.push(`第${SECTION_NAMES[l.section - 1]}部分`);
  if (l.table) parts.push(TABLE_NAMES[l.table]);
  return parts.join('，');
}

export function toText(r: AuditResult): string {
  const out: string[] = [];
  out.push(`【${r.fileName}】`);
  if (!r.readable) {
    out.push(...r.findings.map((f) => `  ${SEVERITY[f.severity]}［${f.ruleId}］${f.message}`));
    return out.join('\n');
  }
  out.push(
    `  机关：${r.agency ?? '未识别'}；年度：${r.year ?? '未识别'}；表二：${FORMAT_LABEL[r.formats.t2]}；表三：${FORMAT_LABEL[r.formats.t3]}`,
  );
  out.push(
    `  找到的部分：${
      r.sections
        .filter((s) => s.found)
        .map((s) => SECTION_NAMES[s.no - 1])
        .join('、') || '无'
    }`,
  );
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.filter((f) => f.severity === 'warning').length;
  out.push(`  问题：${errors} 个错误，${warnings} 个警告`);
  for (const f of r.findings) {
    const loc = where(f);
    const ev =
      typeof f.expected === 'number' || typeof f.actual === 'number'
        ? `（应为 ${f.expected ?? '—'}，实为 ${f.actual ?? '—'}）`
        : '';
    out.push(`  ${SEVERITY[f.severity]}［${f.ruleId}］${loc ? `${loc}：` : ''}${f.message}${ev}`);
  }
  if (r.notChecked.length > 0) {
    out.push('  未能核对：');
    for (const n of r.notChecked) out.push(`    · ${n}`);
  }
  for (const n of r.notes) out.push(`  说明：${n}`);
  if (r.findings.length === 0 && r.notChecked.length === 0) out.push('  未发现问题。');
  return out.join('\n');
}

/** The JSON contract of `gongkai audit --json`: one object per file (tables summarised, not dumped). */
export function toJson(r: AuditResult): object {
  return {
    file: r.fileName,
    source: r.source,
    readable: r.readable,
    year: r.year ?? null,
    agency: r.agency ?? null,
    formats: r.formats,
    sections: r.sections,
    truncated: r.truncated,
    findings: r.findings,
    notChecked: r.notChecked,
    notes: r.notes,
  };
}
