/**
 * An agency tree as rows of text (pure): the columns of `gongkai agency import` and `agency template`, each
 * row's cells by column, the level written in Chinese, and the order to create the rows in — parents and
 * supervising offices first, whether they appear earlier in the file, later, or are already on the platform.
 */
import { agencyLevels, type Agency, type AgencyLevel } from '../access/agency.js';

export type AgencyField =
  | 'name'
  | 'shortName'
  | 'creditCode'
  | 'level'
  | 'parent'
  | 'supervisor'
  | 'reviewBody'
  | 'reviewBodyReason'
  | 'divisionCode'
  | 'calendarRegion'
  | 'pathSegment'
  | 'officeName'
  | 'address'
  | 'postcode'
  | 'hours'
  | 'phone'
  | 'fax'
  | 'email'
  | 'docNoPrefixes';

interface AgencyColumn {
  field: AgencyField;
  /** The header as the template writes it, then other headers read as the same column. */
  headers: readonly string[];
  required?: boolean;
  note: string;
}

export const agencyColumns: readonly AgencyColumn[] = [
  { field: 'name', headers: ['名称', '机关名称'], required: true, note: '机关全称，如 某某县人民政府' },
  { field: 'shortName', headers: ['简称'], note: '不超过 30 个字；留空则同名称' },
  {
    field: 'creditCode',
    headers: ['统一社会信用代码'],
    required: true,
    note: '18 位，校验位按 GB 32100 核对',
  },
  {
    field: 'level',
    headers: ['层级', '机关层级'],
    required: true,
    note: '省、市、县、乡镇、街道、部门、办公室（即政府办公厅/室）',
  },
  {
    field: 'parent',
    headers: ['上级机关'],
    note: '名称或统一社会信用代码；可以是本表中任意一行（前后不限）或平台中已有的机关；最上级机关留空',
  },
  {
    field: 'supervisor',
    headers: ['监督机关', '主管部门'],
    note: '负责监督指导本机关政务公开的机关（如县政府办公室），名称或统一社会信用代码；可留空',
  },
  {
    field: 'reviewBody',
    headers: ['复议机关', '行政复议机关'],
    note: '留空则依照行政复议法第二十四条由机关树确定；上级人民政府不在本平台时（如县级平台的县政府）必填',
  },
  { field: 'reviewBodyReason', headers: ['复议机关理由'], note: '复议机关与依法确定的不同时必填' },
  { field: 'divisionCode', headers: ['行政区划代码'], note: '6 位或 9 位数字；留空则同上级机关' },
  { field: 'calendarRegion', headers: ['节假日地区'], note: '6 位行政区划代码；留空则同上级机关' },
  {
    field: 'pathSegment',
    headers: ['网址段', '路径', '网站路径'],
    required: true,
    note: '门户网址中的路径，2–40 位小写字母、数字或连字符，如 zhongxing',
  },
  {
    field: 'officeName',
    headers: ['公开工作机构', '政府信息公开工作机构'],
    required: true,
    note: '政府信息公开工作机构名称',
  },
  { field: 'address', headers: ['办公地址'], note: '可留空' },
  { field: 'postcode', headers: ['邮政编码'], note: '6 位数字，可留空' },
  { field: 'hours', headers: ['办公时间'], note: '可留空' },
  { field: 'phone', headers: ['联系电话'], note: '可留空' },
  { field: 'fax', headers: ['传真'], note: '可留空' },
  { field: 'email', headers: ['电子邮箱'], note: '可留空' },
  { field: 'docNoPrefixes', headers: ['文号前缀'], note: '多个用顿号或逗号分隔，如 固政、固政办' },
];

export const columnHeader = (field: AgencyField): string =>
  agencyColumns.find((c) => c.field === field)!.headers[0]!;

/** One agency as written: its row number in the file (1 = the header row), or none for `agency add`. */
export interface AgencyRow {
  row?: number;
  cells: Partial<Record<AgencyField, string>>;
}

export const place = (r: Pick<AgencyRow, 'row'>): string => (r.row ? `第 ${r.row} 行` : '');

/** One problem as listed: 第 N 行 列名：说明 (no row for `agency add`). */
export const problemAt = (r: Pick<AgencyRow, 'row'>, column: string, message: string): string =>
  `${[place(r), column].filter(Boolean).join(' ')}：${message}`;

const LEVEL_WORDS: Record<AgencyLevel, readonly string[]> = {
  province: ['省', '省级', '省政府', '省级人民政府'],
  city: ['市', '市级', '设区的市', '市政府', '设区的市人民政府'],
  county: ['县', '区', '县级', '县（市、区）', '县政府', '县（市、区）人民政府'],
  township: ['乡', '镇', '乡镇', '乡镇人民政府'],
  street: ['街道', '街道办事处'],
  department: ['部门', '政府部门', '工作部门'],
  general_office: ['办公室', '办公厅', '政府办公室', '政府办公厅', '政府办公厅（室）'],
};

/** The level a cell names, in Chinese (or the code itself); undefined when it names none. */
export function parseLevel(text: string): AgencyLevel | undefined {
  const t = text.trim().replace(/\(/g, '（').replace(/\)/g, '）');
  if ((agencyLevels as readonly string[]).includes(t)) return t as AgencyLevel;
  return agencyLevels.find((l) => LEVEL_WORDS[l].includes(t));
}

/** The rows of a sheet whose first row is the header; problems name the row (the header is row 1). */
export function readAgencyRows(sheet: readonly (readonly string[])[]): {
  rows: AgencyRow[];
  problems: string[];
} {
  const [header = [], ...body] = sheet;
  const problems: string[] = [];
  const fieldAt = header.map((h) => agencyColumns.find((c) => c.headers.includes(h.trim()))?.field);
  header.forEach((h, i) => {
    if (h.trim() && !fieldAt[i])
      problems.push(
        problemAt({ row: 1 }, '', `不认识的列“${h.trim()}”（可用的列见 gongkai agency template）`),
      );
  });
  for (const c of agencyColumns.filter((c) => c.required))
    if (!fieldAt.includes(c.field)) problems.push(problemAt({ row: 1 }, '', `缺少“${c.headers[0]}”列`));
  const rows: AgencyRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return;
    const row: AgencyRow = { row: i + 2, cells: {} };
    cells.forEach((c, j) => {
      const field = fieldAt[j];
      if (field && c.trim()) row.cells[field] = c.trim();
    });
    rows.push(row);
  });
  if (!problems.length && !rows.length)
    problems.push('文件中没有机关（第 1 行为列名，从第 2 行起每行一个机关）');
  return { rows, problems };
}

/** Where a reference (上级机关, 监督机关) points: a row of the file, or an agency already on the platform. */
export type AgencyRef = { row: AgencyRow } | { agency: Agency } | undefined;

export interface ImportPlan {
  /** The rows in an order that creates every parent and supervisor before the rows naming them. */
  order: AgencyRow[];
  refs: Map<AgencyRow, { parent: AgencyRef; supervisor: AgencyRef }>;
  problems: string[];
}

const key = (s: string) => s.trim().toUpperCase();

function resolver(rows: readonly AgencyRow[], existing: readonly Agency[], problems: string[]) {
  return (r: AgencyRow, field: 'parent' | 'supervisor'): AgencyRef => {
    const text = r.cells[field];
    if (!text) return undefined;
    const inFile = rows.filter((x) => x.cells.name === text || key(x.cells.creditCode ?? '') === key(text));
    const onPlatform = existing.filter((a) => a.name === text || a.creditCode === key(text));
    const label = columnHeader(field);
    // A row of the file comes first: the agency it names is the one being written.
    if (inFile.length === 1) return { row: inFile[0]! };
    if (!inFile.length && onPlatform.length === 1) return { agency: onPlatform[0]! };
    problems.push(
      problemAt(
        r,
        label,
        inFile.length + onPlatform.length === 0
          ? `“${text}”在表中和平台中都找不到，请核对名称或统一社会信用代码`
          : `“${text}”对应多个机关，请改用统一社会信用代码`,
      ),
    );
    return undefined;
  };
}

/** Repeated names, credit codes or path segments within the file, named at the later row. */
function duplicates(rows: readonly AgencyRow[]): string[] {
  const problems: string[] = [];
  for (const field of ['name', 'creditCode', 'pathSegment'] as const) {
    const seen = new Map<string, AgencyRow>();
    for (const r of rows) {
      const v = r.cells[field];
      if (!v) continue;
      const first = seen.get(key(v));
      if (first) problems.push(problemAt(r, columnHeader(field), `“${v}”与${place(first)}重复`));
      else seen.set(key(v), r);
    }
  }
  return problems;
}

/** Resolves every reference and orders the rows; a reference that cannot be resolved or a cycle is a problem. */
export function planAgencyImport(rows: readonly AgencyRow[], existing: readonly Agency[]): ImportPlan {
  const problems = duplicates(rows);
  const resolve = resolver(rows, existing, problems);
  const refs = new Map(
    rows.map((r) => [r, { parent: resolve(r, 'parent'), supervisor: resolve(r, 'supervisor') }]),
  );
  const order: AgencyRow[] = [];
  const state = new Map<AgencyRow, 'visiting' | 'done'>();
  const visit = (r: AgencyRow): boolean => {
    if (state.get(r) === 'done') return true;
    if (state.get(r) === 'visiting') return false;
    state.set(r, 'visiting');
    const ref = refs.get(r)!;
    const deps = [ref.parent, ref.supervisor].flatMap((x) => (x && 'row' in x && x.row !== r ? [x.row] : []));
    const self = [ref.parent, ref.supervisor].some((x) => x && 'row' in x && x.row === r);
    const ok = !self && deps.every(visit);
    state.set(r, 'done');
    if (ok) order.push(r);
    else
      problems.push(
        problemAt(
          r,
          columnHeader('parent'),
          '上级机关或监督机关指向本机关自身，或彼此循环指向，无法确定建立顺序',
        ),
      );
    return ok;
  };
  rows.forEach(visit);
  return { order, refs, problems };
}
