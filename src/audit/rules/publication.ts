/**
 * Publication deadline (Art. 49): 县级以上人民政府部门 publish by 31 January of the following year; the
 * 本级政府's report is published by 31 March. Art. 49 sets no date for 乡镇/街道 (statutory.md §2.7): they
 * are not judged unless a local deadline is configured. The date comes from the caller or from the page's
 * "发布时间/发布日期" line.
 */
import { lineText } from '../read/document.js';
import { finding, type AuditFinding } from '../findings.js';
import type { Understood } from '../understood.js';

/** Local deadline for townships, as "MM-DD" of the following year; undefined = not judged [M]. */
const TOWNSHIP_DEADLINE: string | undefined = undefined;

export function publishedOn(u: Understood): { date: string; line?: number } | undefined {
  if (u.options.publishedOn) return { date: u.options.publishedOn };
  for (const line of u.doc.lines.slice(0, 30)) {
    const m = /(?:发布时间|发布日期|公开日期|发文日期)[:：\s]*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})/.exec(
      lineText(line),
    );
    if (m)
      return { date: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, line: line.pos.line };
  }
  return undefined;
}

export function publicationRule(u: Understood): AuditFinding[] {
  const year = u.year;
  const pub = publishedOn(u);
  if (year === undefined || !pub) return [];
  const kind = u.identity.agencyKind;
  const mmdd =
    kind === 'department'
      ? '01-31'
      : kind === 'county_government' || kind === 'city_government' || kind === 'province_government'
        ? '03-31'
        : kind === 'township'
          ? TOWNSHIP_DEADLINE
          : undefined;
  if (!mmdd) return [];
  const deadline = `${year + 1}-${mmdd}`;
  if (pub.date <= deadline) return [];
  return [
    finding(
      'publish.late',
      `${year} 年度年报于 ${pub.date} 发布，晚于法定期限 ${deadline}（《条例》第四十九条）。`,
      pub.line ? { line: pub.line } : {},
      {
        expected: deadline,
        actual: pub.date,
      },
    ),
  ];
}
