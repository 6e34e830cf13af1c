/** One agency's figures for a year, each count linking to the records behind it (the drill-down). */
import { gradeText, type Dashboard, type DashboardRow } from '../dashboard.js';
import { ChartScripts, CriticalAlarm, MonthsTable, OutcomesTable, pct } from './dashboard-parts.js';

const recordsHref = (agencyId: string, kind: string, year: number) =>
  `/admin/supervision/agencies/${agencyId}/${kind}?year=${year}`;

export function AgencyPage({ d, year, to }: { d: Dashboard; year: number; to: string }) {
  const r: DashboardRow = d.rows[0]!;
  const link = (kind: string, n: number) =>
    n > 0 ? <a href={recordsHref(r.agencyId, kind, year)}>{n}</a> : 0;
  return (
    <>
      <h1>
        {r.name}：{year}年监督数据
      </h1>
      <p>
        <a href={`/admin/supervision?year=${year}`}>返回所辖单位总览</a>
      </p>
      <CriticalAlarm alarms={d.alarms} scope="本单位" />
      <table>
        <caption>
          {year}年主要指标（统计至 {to}；超期未办结、未答复为当前数，点击数字查看明细）
        </caption>
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col" class="num">
              数值
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">主动公开发布条目</th>
            <td class="num">{r.items.published}</td>
          </tr>
          <tr>
            <th scope="row">超过20个工作日发布（条例第二十六条）</th>
            <td class="num">{link('late-items', r.items.late)}</td>
          </tr>
          <tr>
            <th scope="row">主动公开及时率</th>
            <td class="num">{pct(r.rates.items)}</td>
          </tr>
          <tr>
            <th scope="row">收到政府信息公开申请</th>
            <td class="num">{r.requests.received}</td>
          </tr>
          <tr>
            <th scope="row">办结申请</th>
            <td class="num">{r.requests.closed}</td>
          </tr>
          <tr>
            <th scope="row">逾期办结或超期未办结的申请</th>
            <td class="num">
              {link('late-requests', r.requests.closed - r.requests.onTime + r.requests.overdue)}
            </td>
          </tr>
          <tr>
            <th scope="row">申请按时办结率</th>
            <td class="num">{pct(r.rates.requests)}</td>
          </tr>
          <tr>
            <th scope="row">收到留言</th>
            <td class="num">{r.messages.received}</td>
          </tr>
          <tr>
            <th scope="row">留言按时答复率</th>
            <td class="num">{pct(r.rates.messages)}</td>
          </tr>
          <tr>
            <th scope="row">超期未答复留言（其中超3个月：{r.messages.critical}）</th>
            <td class="num">{link('overdue-messages', r.messages.overdue)}</td>
          </tr>
          <tr>
            <th scope="row">社会评议综合得分（满分5分）</th>
            <td class="num">
              {r.rating ? `${r.rating.overall.toFixed(2)}（${r.rating.responses} 份）` : '—'}
            </td>
          </tr>
          <tr>
            <th scope="row">考核得分和等次</th>
            <td class="num">
              {r.assessment ? `${r.assessment.score}（${gradeText(r.assessment.grade)}）` : '—'}
            </td>
          </tr>
        </tbody>
      </table>
      <h2>各月情况</h2>
      <MonthsTable year={year} months={d.months} />
      <h2>依申请公开办理结果</h2>
      <OutcomesTable year={year} outcomes={d.outcomes} />
      <ChartScripts />
    </>
  );
}
