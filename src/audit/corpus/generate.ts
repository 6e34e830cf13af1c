/**
 * Synthetic annual reports for measuring the auditor: correct reports (every identity holds) built on the
 * report model's layouts and labels, rendered as copied text or HTML. Deterministic from a seed.
 */
import {
  FORMATS,
  T3,
  T4_GROUPS,
  T4_RESULTS,
  T4_ROW,
  APPLICANT_KINDS,
  cellId,
  outcomeRows,
  type Cells,
  type FormatVersion,
  type TableId,
} from '../../reports/model/index.js';

export type Rng = () => number;

/** Mulberry32: small, fast, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

export interface SyntheticReport {
  year: number;
  format: FormatVersion;
  /** Agency name; counties come from the auditor's gazetteer so the province is known (安徽/河北/陕西). */
  agency: string;
  township: string;
  tables: Record<TableId, Cells>;
  /** Text lines of each narrative section (一, 五, 六), editable by mutations. */
  narrative: { s1: string[]; s5: string[]; s6: string[] };
}

const COUNTIES = ['固镇县', '雄县', '佳县'];
const TOWNSHIPS = ['仲兴', '濠城', '连城', '王庄', '湖沟', '新马桥', '任村', '石桥', '官庄', '螅镇'];

function table3(r: Rng, format: FormatVersion): Cells {
  const cells: Cells = {};
  const rows = outcomeRows(format);
  for (const k of APPLICANT_KINDS) {
    const busy = k === 'natural' ? 1 : k === 'commercial' ? 0.5 : 0.2;
    let handled = 0;
    for (const row of rows) {
      const v = r() < busy * 0.4 ? int(r, 1, k === 'natural' ? 20 : 4) : 0;
      cells[cellId(row.id, k)] = v;
      handled += v;
    }
    // At least one application carried forward in the 自然人 column, so mutations can move it.
    const forward = k === 'natural' ? int(r, 1, 3) : r() < 0.2 ? int(r, 1, 2) : 0;
    const carried = Math.min(handled + forward, r() < 0.3 ? int(r, 0, 3) : 0);
    cells[cellId(T3.outcomeTotal, k)] = handled;
    cells[cellId(T3.carriedForward, k)] = forward;
    cells[cellId(T3.carriedOver, k)] = carried;
    cells[cellId(T3.received, k)] = handled + forward - carried;
  }
  for (const row of FORMATS[format].tables.t3.rows) {
    if (row.heading) continue;
    cells[cellId(row.id, 'total')] = APPLICANT_KINDS.reduce((s, k) => s + (cells[cellId(row.id, k)] ?? 0), 0);
  }
  return cells;
}

function table4(r: Rng): Cells {
  const cells: Cells = {};
  for (const g of T4_GROUPS) {
    let total = 0;
    for (const res of T4_RESULTS) {
      const v = r() < 0.25 ? int(r, 1, 3) : 0;
      cells[cellId(T4_ROW, `${g}.${res}`)] = v;
      total += v;
    }
    cells[cellId(T4_ROW, `${g}.total`)] = total;
  }
  return cells;
}

function table2(r: Rng, format: FormatVersion): Cells {
  const cells: Cells = {};
  for (const row of FORMATS[format].tables.t2.rows) {
    for (const col of row.columns) {
      const id = cellId(row.id, col.id);
      if (row.id === 't2.r1.rule')
        cells[id] = 0; // a township makes no 规章
      else if (col.kind === 'amount') cells[id] = r() < 0.5 ? 0 : Math.round(r() * 10000) / 100;
      else if (col.kind === 'change') cells[id] = int(r, -3, 5);
      else cells[id] = r() < 0.4 ? 0 : int(r, 1, 60);
    }
  }
  // 2021: 现行有效 ≥ 制发; keep the document counts coherent.
  if (format === '2021') {
    const issued = cells[cellId('t2.r1.normative', 'issued')] ?? 0;
    cells[cellId('t2.r1.normative', 'inForce')] = issued + int(r, 0, 20);
  }
  return cells;
}

export function makeReport(
  seed: number,
  options: { year?: number; format?: FormatVersion } = {},
): SyntheticReport {
  const r = rng(seed);
  const year = options.year ?? int(r, 2019, 2024);
  const format = options.format ?? (year >= 2021 ? '2021' : '2019');
  const county = pick(r, COUNTIES);
  const township = pick(r, TOWNSHIPS);
  const agency = `${county}${township}乡人民政府`;
  const tables = { t2: table2(r, format), t3: table3(r, format), t4: table4(r) };
  const received = tables.t3[cellId(T3.received, 'total')] ?? 0;
  const normativeCol = format === '2021' ? 'issued' : 'made';
  const issued = tables.t2[cellId('t2.r1.normative', normativeCol)] ?? 0;
  const items = int(r, 50, 900);
  const s1 = [
    '（一）主动公开情况。',
    `${year}年，${township}乡认真贯彻落实《中华人民共和国政府信息公开条例》，全年共发布政府信息 ${items} 条，本年制发规范性文件 ${issued} 件。`,
    '（二）依申请公开情况。',
    received > 0
      ? `全年共收到政府信息公开申请 ${received} 件，均按规定时限答复。`
      : '全年未收到政府信息公开申请。',
    '（三）政府信息管理情况。',
    '严格落实信息发布前保密审查制度，及时更新公开目录。',
    '（四）平台建设情况。',
    '依托县政府门户网站政府信息公开专栏集中发布信息，做好检索、查阅、下载功能维护。',
    '（五）监督保障情况。',
    `将政务公开纳入年度目标考核，考核结果为优秀；开展社会评议 ${int(r, 1, 4)} 次，群众满意度良好；全年未发生责任追究情况。`,
  ];
  const s5 = [
    '（一）存在的问题。',
    '一是政策解读形式较为单一；二是部分栏目更新不够及时。',
    '（二）改进情况。',
    '针对上年度发现的问题，已建立栏目更新提醒机制，下一步将丰富图解、视频等解读形式。',
  ];
  const s6 = [
    `${year}年度本机关未收取信息处理费。`,
    `${township}乡将按照县政府政务公开工作要点，持续做好政府信息公开工作。`,
  ];
  return { year, format, agency, township, tables, narrative: { s1, s5, s6 } };
}
