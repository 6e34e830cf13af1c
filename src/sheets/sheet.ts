/**
 * Spreadsheets in and out: the first worksheet of an XLSX file, or a CSV file (UTF-8, with or without BOM, or
 * GB18030 as saved by Excel on Chinese Windows), as rows of trimmed text cells. Dates become YYYY-MM-DD. Uploaded
 * sheets are read in a child process of the sandbox, within the reading limits (readSheet).
 */
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '../platform/errors.js';
import { LimitExceeded, withinTextLimit, type ParseLimits } from '../platform/sandbox/limits.js';
import { runSandboxed } from '../platform/sandbox/sandbox.js';
import { checkZip } from '../platform/sandbox/zip-limits.js';

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

/** UTF-8 (a BOM is dropped) or, when the bytes are not UTF-8, GB18030 as saved by Excel on Chinese Windows. */
function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * RFC 4180 (csv-parse): quoted fields may hold commas, quotes ("") and line breaks; rows end at CRLF, LF or CR;
 * cells are kept as written (callers trim); a quote inside an unquoted cell is a character. An unclosed quote
 * refuses the file, naming the line where the row holding it begins.
 */
export function parseCsv(text: string): string[][] {
  const bytes = Buffer.from(text, 'utf8');
  let rowEnd = 0; // byte offset just after the last complete row
  try {
    const rows: string[][] = parse(bytes, {
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (record: string[], context) => {
        rowEnd = context.bytes;
        return record;
      },
    });
    return rows;
  } catch (e) {
    if (e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED') {
      const line = lineBreaks(bytes.subarray(0, rowEnd).toString('utf8')) + 1;
      throw new DomainError(
        'validation.failed',
        `CSV 文件第 ${line} 行有未闭合的引号（引号一直延续到文件末尾），请检查后重新上传。`,
      );
    }
    if (e instanceof CsvError) throw unreadable();
    throw e;
  }
}

/** A CSV file's bytes as rows of cells as written: the one CSV reader of every import. */
export function readCsv(data: Buffer): string[][] {
  return parseCsv(decode(data));
}

const TASK = new URL(import.meta.url).href;

/** Runs in a sandbox child: an XLSX is checked as a zip container before exceljs opens it. */
export async function readSheetTask(
  { data, kind }: { data: Uint8Array; kind: SheetKind },
  limits: ParseLimits,
): Promise<string[][]> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (kind === 'xlsx') {
    try {
      checkZip(buffer, limits);
    } catch (e) {
      if (e instanceof LimitExceeded) throw e;
      throw unreadable();
    }
    return readXlsx(buffer);
  }
  withinTextLimit(decode(buffer), limits);
  return readCsv(buffer).map((r) => r.map((c) => c.trim()));
}

/** An uploaded sheet's rows, read in the sandbox (src/platform/sandbox) within the reading limits. */
export const readSheet = (data: Buffer, kind: SheetKind): Promise<string[][]> =>
  runSandboxed<string[][]>(TASK, 'readSheetTask', { data: new Uint8Array(data), kind });

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
