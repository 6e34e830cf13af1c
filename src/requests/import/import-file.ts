/**
 * Reading an import file into rows of text keyed by header: XLSX (exceljs, first worksheet) or CSV (the shared
 * reader, sheets/sheet.ts readCsv: RFC 4180 quoting; UTF-8 with or without BOM, or GB18030 as saved by Chinese Excel). Row numbers are the spreadsheet's
 * (header = row 1), so error messages point at the row the user sees. Read in a child process of the sandbox
 * (src/platform/sandbox), within the reading limits, like every file from outside.
 */
import ExcelJS from 'exceljs';
import { DomainError } from '../../platform/errors.js';
import { readCsv } from '../../sheets/sheet.js';
import { LimitExceeded, type ParseLimits } from '../../platform/sandbox/limits.js';
import { runSandboxed } from '../../platform/sandbox/sandbox.js';
import { checkZip } from '../../platform/sandbox/zip-limits.js';

interface ImportRow {
  row: number;
  values: Record<string, string>;
}

export interface ImportTable {
  headers: string[];
  rows: ImportRow[];
}

const bad = (message: string) => new DomainError('import.unreadable', message);

/** A cell as the user typed it: dates as YYYY-MM-DD, numbers without exponent, rich text flattened. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result);
    return '';
  }
  return String(v);
}

function toTable(grid: string[][]): ImportTable {
  const [head, ...body] = grid;
  if (!head) throw bad('文件是空的，请使用导入模板填写后上传。');
  const headers = head.map((h) => h.trim());
  const rows: ImportRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return; // blank lines are not cases
    const values: Record<string, string> = {};
    headers.forEach((h, k) => (values[h] = (cells[k] ?? '').trim()));
    rows.push({ row: i + 2, values });
  });
  return { headers, rows };
}

const isZip = (d: Buffer) => d.length > 4 && d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04;

const TASK = new URL(import.meta.url).href;

/** The import file's table, read in a child process of the sandbox within the reading limits. */
export async function readImportFile(data: Buffer, fileName = ''): Promise<ImportTable> {
  if (data.length === 0) throw bad('上传的文件是空的。');
  return runSandboxed<ImportTable>(TASK, 'readImportFileTask', { data: new Uint8Array(data), fileName });
}

/** Runs in the child: an XLSX is checked as a zip container before exceljs opens it. */
export async function readImportFileTask(
  input: { data: Uint8Array; fileName: string },
  limits: ParseLimits,
): Promise<ImportTable> {
  const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  const fileName = input.fileName;
  if (isZip(data) || /\.xlsx$/i.test(fileName)) {
    const wb = new ExcelJS.Workbook();
    try {
      checkZip(data, limits);
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      if (e instanceof LimitExceeded) throw e;
      throw bad('无法读取该 Excel 文件，请另存为 .xlsx 格式后重新上传。');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw bad('Excel 文件中没有工作表。');
    const grid: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(ws.columnCount, row.cellCount); c++)
        cells.push(cellText(row.getCell(c).value));
      grid.push(cells);
    }
    return toTable(grid);
  }
  if (/\.xls$/i.test(fileName)) throw bad('不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV 后上传。');
  try {
    return toTable(readCsv(data));
  } catch (e) {
    // The shared reader refuses as validation.failed; this form shows import.unreadable beside the file field.
    if (e instanceof DomainError && e.code === 'validation.failed') throw bad(e.message);
    throw e;
  }
}
