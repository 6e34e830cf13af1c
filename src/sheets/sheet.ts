/**
 * Spreadsheets in and out: the first worksheet of an XLSX file, or a CSV file (UTF-8, with or without BOM, or
 * GB18030 as saved by Excel on Chinese Windows), as rows of trimmed text cells. Dates become YYYY-MM-DD.
 */
import ExcelJS from 'exceljs';
import { DomainError } from '../platform/errors.js';

export type SheetKind = 'xlsx' | 'csv';

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

const unreadable = () =>
  new DomainError('validation.failed', '无法读取该文件，请使用下载的模板，另存为 XLSX 或 CSV 格式后上传。');

async function readXlsx(data: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw unreadable();
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 0); c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return rows;
}

function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field.trim());
    rows.push(row);
  }
  return rows;
}

export async function readSheet(data: Buffer, kind: SheetKind): Promise<string[][]> {
  const rows = kind === 'xlsx' ? await readXlsx(data) : parseCsv(decode(data));
  return rows;
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A sheet as a file: XLSX with a bold header row, or UTF-8 CSV with BOM (so Excel reads the Chinese). */
export async function writeSheet(
  rows: readonly (readonly string[])[],
  kind: SheetKind,
  title: string,
): Promise<Buffer> {
  if (kind === 'csv')
    return Buffer.from(`\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(title);
  for (const r of rows) sheet.addRow([...r]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 22));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The file kind from its name; anything else is refused. */
export function sheetKindOf(filename: string): SheetKind {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'xlsx' || ext === 'csv') return ext;
  throw new DomainError('validation.failed', '仅支持 XLSX 或 CSV 文件，请使用下载的模板。');
}

/** Row problems → one refusal listing them all (nothing is stored). */
export function importRefused(problems: readonly string[]): DomainError {
  const fields = Object.fromEntries(problems.map((p, i) => [`row${i + 1}`, p]));
  return new DomainError(
    'validation.failed',
    `导入文件有 ${problems.length} 处问题，未导入任何数据：`,
    fields,
  );
}
