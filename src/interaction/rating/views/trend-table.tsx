/** The figures of a year's always-open rating, per month: a plain table (the chart's accessible twin). */
import { criteria, criterionLabel } from '../criteria.js';
import type { YearTrend } from '../open-trends.js';

const f2 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));

export function TrendTable({ trend }: { trend: YearTrend }) {
  const rows = [...trend.months.map((m) => ({ label: `${Number(m.month.slice(5))}月`, ...m }))];
  return (
    <table>
      <caption>{trend.year}年公众评价（各项平均分，满分 5 分）</caption>
      <thead>
        <tr>
          <th scope="col">月份</th>
          <th scope="col" class="num">
            评价数
          </th>
          {criteria.map((c) => (
            <th scope="col" class="num">
              {criterionLabel[c]}
            </th>
          ))}
          <th scope="col" class="num">
            综合
          </th>
          <th scope="col" class="num">
            信息评价数
          </th>
          <th scope="col" class="num">
            认为有用
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr>
            <th scope="row">{m.label}</th>
            <td class="num">{m.disclosure?.ratings ?? 0}</td>
            {criteria.map((c) => (
              <td class="num">{f2(m.disclosure?.scores[c])}</td>
            ))}
            <td class="num">{f2(m.disclosure?.overall)}</td>
            <td class="num">{m.items?.ratings ?? 0}</td>
            <td class="num">{m.items ? `${m.items.usefulPercent}%` : '—'}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">全年</th>
          <td class="num">{trend.disclosure?.ratings ?? 0}</td>
          {criteria.map((c) => (
            <td class="num">{f2(trend.disclosure?.scores[c])}</td>
          ))}
          <td class="num">{f2(trend.disclosure?.overall)}</td>
          <td class="num">{trend.items?.ratings ?? 0}</td>
          <td class="num">{trend.items ? `${trend.items.usefulPercent}%` : '—'}</td>
        </tr>
      </tfoot>
    </table>
  );
}
