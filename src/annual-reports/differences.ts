/**
 * What a re-issued version changed against the one before: the narrative parts whose text differs and the
 * table cells whose value differs (by row and column label), so that readers see what the correction was.
 */
import { NARRATIVE_PARTS } from './narrative.js';
import type { ReportSnapshot } from './snapshot.js';

interface VersionDifferences {
  parts: string[];
  cells: { table: string; row: string; column: string; before: number | null; after: number | null }[];
}

export function versionDifferences(before: ReportSnapshot, after: ReportSnapshot): VersionDifferences {
  const parts = NARRATIVE_PARTS.filter(
    (p) => (before.narrative[p.id] ?? '') !== (after.narrative[p.id] ?? ''),
  ).map((p) => `${p.section === 's1' ? '一' : p.section === 's5' ? '五' : '六'}${p.label}`);
  const cells: VersionDifferences['cells'] = [];
  for (const t of after.report.tables) {
    const old = before.report.tables.find((x) => x.id === t.id);
    for (const row of t.rows) {
      const oldRow = old?.rows.find((r) => r.id === row.id);
      const columns = row.columns ?? t.columns ?? [];
      row.values.forEach((v, i) => {
        const was = oldRow?.values[i] ?? null;
        if (was !== v)
          cells.push({
            table: t.title,
            row: row.label,
            column: columns[i]?.label ?? '',
            before: was,
            after: v,
          });
      });
    }
  }
  return { parts, cells };
}
