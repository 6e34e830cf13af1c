/**
 * Which template each table follows, against the reporting year. The 2021 format (国办公开办函〔2021〕30号)
 * applies from reporting year 2021 (statutory.md §2); the 2019 trial format is right for 2019 and 2020
 * reports — so a 2020 report in the 2019 format, like the seed, is not outdated.
 */
import { FORMAT_FIRST_YEAR } from '../../reports/model/index.js';
import { finding, TABLE_NAMES, type AuditFinding } from '../findings.js';
import type { Understood } from '../understood.js';

export function formatRules(u: Understood): AuditFinding[] {
  const out: AuditFinding[] = [];
  const year = u.year;
  for (const t of [u.tables.t2, u.tables.t3]) {
    if (!t.pos) continue;
    const section = t.id === 't2' ? 2 : 3;
    const loc = { section, table: t.id, line: t.pos.line };
    if (t.format === 'unknown') {
      out.push(
        finding(
          'format.unknown',
          `${TABLE_NAMES[t.id]}的格式无法判断（既不像 2019 年格式，也不像 2021 年格式）。`,
          loc,
        ),
      );
    } else if (t.format === '2019' && year !== undefined && year >= FORMAT_FIRST_YEAR['2021']) {
      out.push(
        finding(
          'format.outdated',
          `${year} 年度报告的${TABLE_NAMES[t.id]}仍使用 2019 年试行格式（国办公开办函〔2019〕60号）；自 2021 年度起应使用国办公开办函〔2021〕30号格式。`,
          loc,
          { expected: '2021', actual: '2019' },
        ),
      );
    }
  }
  return out;
}
