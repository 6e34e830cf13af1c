/**
 * The report model's own cross-checks (src/reports/checks — one source of truth for the identities), run
 * over what the auditor read. A published table is rarely complete, so a check's finding is kept only when
 * every cell it involves was seen with a number; a check whose cells were not all seen is listed as "not
 * checkable" instead. Which cells a check involves is learnt from the checks themselves, by running them
 * once over a table of arbitrary distinct numbers (where every identity fails and names its cells).
 */
import {
  FORMATS,
  cellId,
  type AgencyLevel,
  type AnnualReport,
  type Cells,
  type FormatVersion,
  type TableId,
} from '../../reports/model/index.js';
import { runChecks } from '../../reports/checks/run-checks.js';
import type { Finding as SharedFinding } from '../../reports/checks/finding.js';
import { finding, type AuditFinding, type RuleCode, type Location } from '../findings.js';
import type { AgencyKind } from '../understand/identity.js';
import type { ExtractedTable, SeenCell } from '../map/extract.js';
import type { Understood } from '../understood.js';

/** Shared rule id → the auditor's stable code. Rules not listed are covered by the auditor's own rules. */
const CODES: Readonly<Record<string, RuleCode>> = {
  't3.balance': 'identity.carryover',
  't3.total-column': 'identity.row_total',
  't3.outcome-total': 'identity.result_total',
  't4.group-total': 'identity.review_total',
  't2.rule-making-power': 'content.implausible',
  't2.fee-unit': 'content.implausible',
};
const ARITHMETIC = new Set(['t3.balance', 't3.total-column', 't3.outcome-total', 't4.group-total']);

function agencyLevelOf(kind: AgencyKind, name: string | undefined): AgencyLevel {
  switch (kind) {
    case 'township':
      return 'township';
    case 'county_government':
      return 'county-government';
    // A 市人民政府 may be a 设区的市 (rule-making) or a county-level city: assume the former, never accuse.
    case 'city_government':
      return 'prefectural-government';
    case 'province_government':
      return 'provincial-government';
    case 'department': {
      const n = name ?? '';
      if (/(县|区|旗)/.test(n)) return 'county-department';
      if (/(省|自治区)/.test(n)) return 'provincial-department';
      if (/(市|州|盟)/.test(n)) return 'prefectural-department';
      return 'other';
    }
    case 'unknown':
      return 'other';
  }
}

function modelFormat(t: ExtractedTable): FormatVersion {
  return t.format === '2021' ? '2021' : '2019';
}

function cellsFrom(t: ExtractedTable): { cells: Cells; seen: Map<string, SeenCell> } {
  const cells: Cells = {};
  const seen = new Map<string, SeenCell>();
  for (const r of t.rows) {
    for (const col of r.row.columns) {
      const id = cellId(r.row.id, col.id);
      const c = r.cells[col.id] ?? { status: 'unseen' };
      seen.set(id, c);
      cells[id] = c.status === 'value' ? c.value : null;
    }
  }
  return { cells, seen };
}

/** Deterministic, distinct-enough numbers so that every identity fails on the probe. */
function probeCells(format: FormatVersion): Record<TableId, Cells> {
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) % 100000;
  const out = {} as Record<TableId, Cells>;
  for (const t of ['t2', 't3', 't4'] as const) {
    const cells: Cells = {};
    for (const row of FORMATS[format].tables[t].rows)
      for (const col of row.columns) cells[cellId(row.id, col.id)] = 1 + next();
    out[t] = cells;
  }
  return out;
}

// The probe's findings depend only on the format (its numbers are fixed): compute them once per format.
const probeCache = new Map<string, ReturnType<typeof runChecks>>();
function probeResults(report: AnnualReport, level: AgencyLevel): ReturnType<typeof runChecks> {
  const key = `${report.format}|${level}`;
  let hit = probeCache.get(key);
  if (!hit) {
    hit = runChecks({ ...report, year: 0, tables: probeCells(report.format) }, { agencyLevel: level });
    probeCache.set(key, hit);
  }
  return hit;
}

interface SharedCheckResult {
  findings: AuditFinding[];
  /** Chinese sentences: which identities could not be checked and why. */
  notChecked: string[];
}

export function sharedChecks(u: Understood): SharedCheckResult {
  const findings: AuditFinding[] = [];
  const notChecked: string[] = [];
  const level = agencyLevelOf(u.identity.agencyKind, u.identity.agency);
  const t2 = cellsFrom(u.tables.t2);
  const t3 = cellsFrom(u.tables.t3);
  const t4 = cellsFrom(u.tables.t4);
  const seen = new Map([...t2.seen, ...t3.seen, ...t4.seen]);
  const f2 = modelFormat(u.tables.t2);
  const f3 = modelFormat(u.tables.t3);
  // Table 二's rules run in table 二's format, tables 三/四's in table 三's (locally mixed templates exist).
  const runs: { format: FormatVersion; tables: TableId[] }[] =
    f2 === f3 ? [{ format: f3, tables: ['t2', 't3', 't4'] }] : [
      { format: f2, tables: ['t2'] },
      { format: f3, tables: ['t3', 't4'] },
    ]; // prettier-ignore
  for (const run of runs) {
    const report: AnnualReport = {
      format: run.format,
      agency: { id: 'audited', name: u.identity.agency ?? '', level },
      year: u.year ?? 0,
      tables: { t2: t2.cells, t3: t3.cells, t4: t4.cells },
    };
    const ownTable = (f: SharedFinding) =>
      f.cells.length > 0 && run.tables.includes(f.cells[0]!.slice(0, 2) as TableId);
    const real = runChecks(report, { agencyLevel: level });
    const probe = probeResults(report, level);
    for (const result of real) {
      const code = CODES[result.ruleId];
      if (!code) continue;
      // 规章 plausibility needs to know who the agency is.
      if (result.ruleId === 't2.rule-making-power' && u.identity.agencyKind === 'unknown') continue;
      for (const f of result.findings) {
        if (!ownTable(f)) continue;
        if (!f.cells.every((id) => seen.get(id)?.status === 'value')) continue;
        findings.push(toAudit(code, f, seen, u));
      }
    }
    for (const result of probe) {
      if (!ARITHMETIC.has(result.ruleId)) continue;
      const targets: string[] = [];
      let unseen = false;
      let blank = false;
      for (const f of result.findings) {
        if (!ownTable(f)) continue;
        const missing = f.cells.filter((id) => seen.get(id)?.status !== 'value');
        if (missing.length === 0) continue;
        if (missing.some((id) => (seen.get(id)?.status ?? 'unseen') === 'unseen')) unseen = true;
        else blank = true;
        targets.push(stripExpected(f.message));
      }
      if (targets.length === 0) continue;
      const why = [unseen ? '所需的行缺失（未见到）' : '', blank ? '所需的单元格为空或不是数字' : '']
        .filter(Boolean)
        .join('，');
      const named =
        targets.length > 8 ? `${targets.slice(0, 3).join('、')}等 ${targets.length} 项` : targets.join('、');
      notChecked.push(`${result.title}——${named}无法核对：${why}。`);
    }
  }
  return { findings, notChecked: dedupe(notChecked) };
}

/** The probe's message names arbitrary numbers; keep only the part naming the row or column. */
function stripExpected(message: string): string {
  const m = /“[^”]+”(行|列)?/.exec(message.split('：')[0] ?? message);
  return m?.[0] ?? message.split('：')[0] ?? message;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

function toAudit(code: RuleCode, f: SharedFinding, seen: Map<string, SeenCell>, u: Understood): AuditFinding {
  const first = f.cells[0]!;
  const c = seen.get(first);
  const table = first.slice(0, 2) as TableId;
  const [rowId, columnId] = first.split(':') as [string, string];
  const t = u.tables[table];
  const row = t.rows.find((r) => r.row.id === rowId);
  const col = row?.row.columns.find((x) => x.id === columnId);
  const location: Location = {
    section: table === 't2' ? 2 : table === 't3' ? 3 : 4,
    table,
    rowId,
    ...(row?.row.label ? { rowLabel: row.row.label } : {}),
    columnId,
    ...(col ? { columnLabel: col.label } : {}),
    ...(c && c.status !== 'unseen'
      ? {
          line: c.pos.line,
          ...(c.pos.cell ? { cell: c.pos.cell } : {}),
          ...(c.pos.page ? { page: c.pos.page } : {}),
        }
      : {}),
  };
  return finding(code, f.message, location, {
    ...(f.expected !== null ? { expected: f.expected } : {}),
    ...(f.actual !== null ? { actual: f.actual } : {}),
    severity: f.severity,
  });
}
