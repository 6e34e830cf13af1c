/** The import templates: XLSX (every column formatted as text, so ID numbers keep their digits; a sheet of notes) and CSV. */
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from './import-columns.js';

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** UTF-8 with BOM, so Excel opens the Chinese headers correctly. */
export function csvTemplate(): Buffer {
  const lines = [IMPORT_COLUMNS.map((c) => c.header)];
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

export async function xlsxTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申请案件');
  ws.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: Math.max(12, c.header.length * 3),
    style: { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'header', width: 18 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'note', width: 80 },
    { header: '示例', key: 'example', width: 40 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS)
    notes.addRow({ header: c.header, required: c.required ? '必填' : '', note: c.note, example: c.example });
  notes.addRow({});
  notes.addRow({
    header: '说明',
    note: '在“申请案件”表第 2 行起每行填写一件申请。任一行有误时，整个文件都不导入。',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
