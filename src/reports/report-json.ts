/**
 * The JSON form of a report, the contract of `gongkai report <agency> <year> --format json`: the format
 * version, every table with, for every row, its id, exact label and values in the form's column order (blank
 * cells null), and a `checks` array with each rule's id, status and values.
 */
import { rulesFor } from './checks/run-checks.js';
import type { Finding, RuleResult, RuleStatus, Severity } from './checks/finding.js';
import { cellId, formatOf } from './model/formats.js';
import type { AnnualReport, ColumnDef, Provenance, TableId } from './model/types.js';

interface ColumnJson {
  id: string;
  label: string;
  /** Merged header cells above the column, outermost first. */
  groups: string[];
  unit?: string;
}

export interface RowJson {
  id: string;
  label: string;
  /** Heading rows (e.g. （三）不予公开) carry no values. */
  heading: boolean;
  parentId?: string;
  /** Only where the row's columns differ from the table's (table 二). */
  columns?: ColumnJson[];
  values: (number | null)[];
  /** With `{ provenance: true }`: per value, where it comes from. */
  provenance?: Provenance[];
}

export interface TableJson {
  id: TableId;
  title: string;
  note?: string;
  /** Columns shared by every row (tables 三 and 四); table 二 rows carry their own. */
  columns?: ColumnJson[];
  rows: RowJson[];
}

interface CheckJson {
  ruleId: string;
  severity: Severity;
  status: RuleStatus;
  title?: string;
  findings: Omit<Finding, 'ruleId' | 'severity'>[];
}

export interface ReportJson {
  agency: { id: string; name: string; creditCode?: string };
  year: number;
  format: AnnualReport['format'];
  formatBasis: string;
  sections: { id: string; label: string; table?: TableId }[];
  tables: TableJson[];
  checks: CheckJson[];
}

const columnJson = (c: ColumnDef): ColumnJson => ({
  id: c.id,
  label: c.label,
  groups: [...c.groups],
  ...(c.unit ? { unit: c.unit } : {}),
});

function checksJson(report: AnnualReport, checks: readonly RuleResult[] | readonly Finding[]): CheckJson[] {
  const strip = (f: Finding) => ({
    cells: f.cells,
    expected: f.expected,
    actual: f.actual,
    message: f.message,
  });
  if (checks.length > 0 && 'status' in checks[0]!) {
    return (checks as readonly RuleResult[]).map((r) => ({
      ruleId: r.ruleId,
      severity: r.severity,
      status: r.status,
      title: r.title,
      findings: r.findings.map(strip),
    }));
  }
  // Bare findings: every applicable rule without a finding passed; findings of other rules (e.g. the
  // auditor's own) are listed after them.
  const findings = checks as readonly Finding[];
  const rules = rulesFor(report);
  const out: CheckJson[] = rules.map((rule) => {
    const mine = findings.filter((f) => f.ruleId === rule.id);
    return {
      ruleId: rule.id,
      severity: rule.severity,
      status: mine.length ? 'failed' : 'passed',
      title: rule.title,
      findings: mine.map(strip),
    };
  });
  const known = new Set(rules.map((r) => r.id));
  for (const f of findings) {
    if (known.has(f.ruleId)) continue;
    let entry = out.find((c) => c.ruleId === f.ruleId);
    if (!entry)
      out.push((entry = { ruleId: f.ruleId, severity: f.severity, status: 'failed', findings: [] }));
    entry.findings.push(strip(f));
  }
  return out;
}

export function reportToJson(
  report: AnnualReport,
  checks: readonly RuleResult[] | readonly Finding[],
  options: { provenance?: boolean } = {},
): ReportJson {
  const format = formatOf(report.format);
  const tables = (['t2', 't3', 't4'] as const).map((id): TableJson => {
    const layout = format.tables[id];
    const shared = id === 't2' ? undefined : layout.rows.find((r) => !r.heading)?.columns;
    return {
      id,
      title: layout.title,
      ...(layout.note ? { note: layout.note } : {}),
      ...(shared ? { columns: shared.map(columnJson) } : {}),
      rows: layout.rows.map((row): RowJson => {
        const ids = row.columns.map((c) => cellId(row.id, c.id));
        return {
          id: row.id,
          label: row.label,
          heading: row.heading,
          ...(row.parentId ? { parentId: row.parentId } : {}),
          ...(!shared && !row.heading ? { columns: row.columns.map(columnJson) } : {}),
          values: ids.map((c) => report.tables[id][c] ?? null),
          ...(options.provenance && report.provenance
            ? { provenance: ids.map((c) => report.provenance![c] ?? { kind: 'missing' as const }) }
            : {}),
        };
      }),
    };
  });
  return {
    agency: {
      id: report.agency.id,
      name: report.agency.name,
      ...(report.agency.creditCode ? { creditCode: report.agency.creditCode } : {}),
    },
    year: report.year,
    format: report.format,
    formatBasis: format.basis,
    sections: format.sections.map((s) => ({ ...s })),
    tables,
    checks: checksJson(report, checks),
  };
}
