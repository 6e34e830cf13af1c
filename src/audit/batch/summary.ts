/** One summary row per report of a batch: what a supervisor scans first (agency, year, formats, counts). */
import type { AuditFinding } from '../findings.js';
import { FORMAT_LABEL } from '../present.js';
import { STATUS_LABEL, type BatchItem } from './batch.js';

interface SummaryRow {
  file: string;
  status: string;
  agency: string;
  year: number | null;
  /** 表二/表三/表四 formats, e.g. "表二：2021年格式；表三：2021年格式；表四：2021年格式". */
  formats: string;
  errors: number;
  warnings: number;
  /** The first findings (errors first), one per line: "[code] message". */
  top: string;
}

const TOP_FINDINGS = 3;

const line = (f: AuditFinding) => `[${f.ruleId}] ${f.message}`;

export function summaryRow(item: BatchItem): SummaryRow {
  const r = item.result;
  const findings = r?.findings ?? [];
  const readable = item.status === 'audited' && r;
  return {
    file: item.file,
    status:
      item.status === 'audited' ? STATUS_LABEL.audited : `${STATUS_LABEL[item.status]}：${item.reason ?? ''}`,
    agency: r?.agency ?? '',
    year: r?.year ?? null,
    formats: readable
      ? `表二：${FORMAT_LABEL[r.formats.t2]}；表三：${FORMAT_LABEL[r.formats.t3]}；表四：${FORMAT_LABEL[r.formats.t4]}`
      : '',
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    top:
      findings.slice(0, TOP_FINDINGS).map(line).join('\n') +
      (findings.length > TOP_FINDINGS ? `\n……另有 ${findings.length - TOP_FINDINGS} 个问题` : ''),
  };
}

export const SUMMARY_COLUMNS: { key: keyof SummaryRow; header: string; width: number }[] = [
  { key: 'file', header: '文件', width: 30 },
  { key: 'status', header: '状态', width: 16 },
  { key: 'agency', header: '机关', width: 28 },
  { key: 'year', header: '年度', width: 8 },
  { key: 'formats', header: '表格格式', width: 40 },
  { key: 'errors', header: '错误', width: 8 },
  { key: 'warnings', header: '警告', width: 8 },
  { key: 'top', header: '主要问题', width: 80 },
];
