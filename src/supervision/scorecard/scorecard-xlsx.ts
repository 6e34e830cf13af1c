/**
 * The scorecard's results as an XLSX workbook: sheet “考核结果” with one row per agency (total, grade, points
 * per measure) and sheet “评分明细” with one row per agency and measure (rate, points, the rule's explanation).
 */
import ExcelJS from 'exceljs';
import { gradeLabel } from '../accountability.js';
import type { AgencyResult } from './compute-scorecard.js';
import type { Scorecard } from './configure-scorecard.js';

export async function scorecardWorkbook(
  sc: Scorecard,
  officeName: string,
  results: readonly AgencyResult[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Gongkai 考核';
  const sheet = book.addWorksheet('考核结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { key: 'rank', header: '名次', width: 6 },
    { key: 'name', header: '单位', width: 30 },
    { key: 'total', header: '总分', width: 8 },
    { key: 'grade', header: '等次', width: 8 },
    ...sc.measures.map((m) => ({ key: m.code, header: `${m.label}（${m.weight}分）`, width: 14 })),
  ];
  sheet.getRow(1).font = { bold: true };
  results.forEach((r, i) =>
    sheet.addRow({
      rank: i + 1,
      name: r.name,
      total: r.total,
      grade: gradeLabel[r.grade],
      ...Object.fromEntries(r.measures.map((m) => [m.code, m.points])),
    }),
  );
  sheet.addRow([]);
  sheet.addRow([`${officeName}${sc.year}年度政务公开工作考核；计算时间 ${sc.computedAt ?? ''}`]);

  const detail = book.addWorksheet('评分明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [
    { key: 'name', header: '单位', width: 30 },
    { key: 'measure', header: '考核项目', width: 24 },
    { key: 'weight', header: '分值', width: 8 },
    { key: 'rate', header: '达标率', width: 10 },
    { key: 'points', header: '得分', width: 8 },
    { key: 'explanation', header: '评分依据', width: 90 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const r of results)
    for (const m of r.measures)
      detail.addRow({
        name: r.name,
        measure: m.label,
        weight: m.weight,
        rate: m.rate === null ? '无数据' : Math.round(m.rate * 1000) / 1000,
        points: m.points,
        explanation: m.explanation,
      }).alignment = { vertical: 'top', wrapText: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
