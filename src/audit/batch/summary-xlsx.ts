/**
 * The batch summary as an XLSX workbook: sheet “汇总” with one row per report, and sheet “问题明细” with
 * one row per finding (so a supervisor can filter on a rule code across all reports).
 */
import ExcelJS from 'exceljs';
import { SECTION_NAMES, TABLE_NAMES } from '../findings.js';
import type { BatchItem } from './batch.js';
import { SUMMARY_COLUMNS, summaryRow } from './summary.js';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

export async function summaryWorkbook(items: BatchItem[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Gongkai 年报审查';
  const sheet = book.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SUMMARY_COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const item of items) {
    const row = sheet.addRow(summaryRow(item));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SUMMARY_COLUMNS.length } };

  const detail = book.addWorksheet('问题明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [
    { key: 'file', header: '文件', width: 30 },
    { key: 'severity', header: '级别', width: 8 },
    { key: 'rule', header: '规则代码', width: 24 },
    { key: 'where', header: '位置', width: 24 },
    { key: 'message', header: '说明', width: 80 },
    { key: 'expected', header: '应为', width: 12 },
    { key: 'actual', header: '实为', width: 12 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const item of items)
    for (const f of item.result?.findings ?? []) {
      const l = f.location;
      detail.addRow({
        file: item.file,
        severity: SEVERITY[f.severity],
        rule: f.ruleId,
        where: [
          l.line ? `第${l.line}行` : '',
          l.section ? `第${SECTION_NAMES[l.section - 1]}部分` : '',
          l.table ? TABLE_NAMES[l.table] : '',
        ]
          .filter(Boolean)
          .join('，'),
        message: f.message,
        expected: f.expected ?? '',
        actual: f.actual ?? '',
      }).alignment = { vertical: 'top', wrapText: true };
    }
  return Buffer.from(await book.xlsx.writeBuffer());
}
