/**
 * Telling which template a published report follows, from the words that only one template prints
 * (statutory.md §3.3). Locally modified templates mix them, so table 二 and table 三 are judged apart too.
 */
import { normaliseLabel } from './labels.js';
import type { FormatVersion } from './types.js';

/** Markers of table 二 and table 三 per template (statutory.md §3.3 steps 1–2). */
const FORMAT_MARKERS = {
  '2021': {
    t2: [
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '行政规范性文件',
      '本年处理决定数量',
      '本年收费金额',
    ],
    t3: ['逾期不补正', '未按收费通知'],
  },
  '2019': {
    t2: [
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
      '上一年项目数量',
      '本年增/减',
      '其他对外管理服务事项',
      '第二十条第（九）项',
      '采购项目数量',
      '采购总金额',
      '政府集中采购',
    ],
    t3: [] as string[],
  },
} as const;

type DetectedFormat = FormatVersion | 'legacy' | 'unknown';

interface FormatDetection {
  format: DetectedFormat;
  /** Markers found, per template. */
  markers: Record<FormatVersion, string[]>;
  /** Per-table verdicts: null when the table is absent or cannot be told. */
  tables: { t2: FormatVersion | null; t3: FormatVersion | null };
}

function found(text: string, markers: readonly string[]): string[] {
  return markers.filter((m) => text.includes(normaliseLabel(m)));
}

/**
 * Detects the template of a report's text. Majority of markers decides; a tie goes by reporting year
 * (≤ 2020 → 2019, ≥ 2021 → 2021). With no table markers at all, a report for a year before 2019 is
 * 'legacy' (free-form, before the 2019 Regulation), otherwise 'unknown'.
 */
export function detectFormat(text: string, reportingYear?: number): FormatDetection {
  const t = normaliseLabel(text);
  const t2 = { '2021': found(t, FORMAT_MARKERS['2021'].t2), '2019': found(t, FORMAT_MARKERS['2019'].t2) };
  const t3new = found(t, FORMAT_MARKERS['2021'].t3);
  // 2019's （六）其他处理 has no sub-rows: it runs straight into （七）总计.
  const t3old = t.includes('(六)其他处理(七)总计') ? ['(六)其他处理(七)总计'] : [];
  const markers: Record<FormatVersion, string[]> = {
    '2021': [...t2['2021'], ...t3new],
    '2019': [...t2['2019'], ...t3old],
  };
  const verdict = (a: number, b: number): FormatVersion | null => (a > b ? '2021' : b > a ? '2019' : null);
  const tables = {
    t2: verdict(t2['2021'].length, t2['2019'].length),
    t3: verdict(t3new.length, t3old.length),
  };
  const n21 = markers['2021'].length;
  const n19 = markers['2019'].length;
  let format: DetectedFormat;
  if (n21 === 0 && n19 === 0) {
    format = reportingYear !== undefined && reportingYear < 2019 ? 'legacy' : 'unknown';
  } else if (n21 !== n19) {
    format = n21 > n19 ? '2021' : '2019';
  } else if (reportingYear !== undefined) {
    format = reportingYear >= 2021 ? '2021' : '2019';
  } else {
    format = 'unknown';
  }
  return { format, markers, tables };
}
