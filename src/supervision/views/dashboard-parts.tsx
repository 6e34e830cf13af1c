/**
 * Pieces shared by the dashboard's pages. Every figure is a table (caption, th scope) that works without
 * JavaScript; a table marked `data-chart` is drawn as an ECharts chart above itself by
 * /assets/dashboard-charts.js, which reads the columns marked `data-series` and each cell's `data-value`.
 */
import type { Alarm } from '../dashboard.js';
import { chartScriptUrl, echartsUrl } from '../chart-assets.js';

export const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
/** The value a chart plots for a rate: percent with one decimal, empty when there is none. */
const pctValue = (x: number | null) => (x === null ? '' : (x * 100).toFixed(1));

export function Num({ value }: { value: number }) {
  return (
    <td class="num" data-value={String(value)}>
      {value}
    </td>
  );
}

export function Rate({ value }: { value: number | null }) {
  return (
    <td class="num" data-value={pctValue(value)}>
      {pct(value)}
    </td>
  );
}

/** Any message open for more than 3 months fails a national website inspection: shown on every dashboard. */
export function CriticalAlarm({ alarms, scope }: { alarms: Alarm[]; scope: string }) {
  const critical = alarms.filter((a) => a.critical);
  return critical.length > 0 ? (
    <div class="error-summary" role="alert">
      <h2>
        严重告警：{scope}有 {critical.length} 条留言超过3个月未答复
      </h2>
      <p>政府网站检查中，政务咨询类留言超过3个月未答复的，网站单项否决。请立即督办。</p>
    </div>
  ) : (
    <p class="notice">{scope}没有超过3个月未答复的留言。</p>
  );
}

export function AlarmTable({ alarms, name }: { alarms: Alarm[]; name: (id: string) => string }) {
  if (alarms.length === 0) return <p>没有超期未答复的留言。</p>;
  return (
    <table>
      <caption>超期未答复的留言（超过3个月的在前，按收到日期排序）</caption>
      <thead>
        <tr>
          <th scope="col">查询编号</th>
          <th scope="col">标题</th>
          <th scope="col">办理单位</th>
          <th scope="col">收到日期</th>
          <th scope="col">答复期限</th>
          <th scope="col">告警</th>
        </tr>
      </thead>
      <tbody>
        {alarms.map((a) => (
          <tr>
            <td>
              <a href={`/admin/messages/${a.messageId}`}>{a.trackingCode}</a>
            </td>
            <td>{a.subject}</td>
            <td>{name(a.agencyId)}</td>
            <td>{a.receivedOn}</td>
            <td>{a.dueOn}</td>
            <td>
              {a.critical ? (
                <span class="tag critical">超过3个月未答复</span>
              ) : (
                <span class="tag overdue">已超期</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MonthsTable({
  year,
  months,
}: {
  year: number;
  months: Array<{ month: string; items: number; itemsLate: number; requests: number }>;
}) {
  return (
    <table data-chart="bar" id="fig-months">
      <caption>{year}年各月主动公开发布条目和依申请公开收到申请</caption>
      <thead>
        <tr>
          <th scope="col">月份</th>
          <th scope="col" class="num" data-series="bar">
            发布条目
          </th>
          <th scope="col" class="num" data-series="bar">
            其中超期发布
          </th>
          <th scope="col" class="num" data-series="line">
            收到申请
          </th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr>
            <th scope="row">{Number(m.month.slice(5))}月</th>
            <Num value={m.items} />
            <Num value={m.itemsLate} />
            <Num value={m.requests} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OutcomesTable({
  year,
  outcomes,
}: {
  year: number;
  outcomes: Array<{ id: string; label: string; count: number }>;
}) {
  const total = outcomes.reduce((t, o) => t + o.count, 0);
  return (
    <table data-chart="bar" id="fig-outcomes">
      <caption>{year}年依申请公开办理结果（按年度报告表三分类，办结日期在本年度）</caption>
      <thead>
        <tr>
          <th scope="col">办理结果</th>
          <th scope="col" class="num" data-series="bar">
            件数
          </th>
        </tr>
      </thead>
      <tbody>
        {outcomes.map((o) => (
          <tr>
            <th scope="row">{o.label}</th>
            <Num value={o.count} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">合计</th>
          <td class="num">{total}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** The chart library and our enhancement script; both from this origin (CSP script-src 'self'). */
export function ChartScripts() {
  return (
    <>
      <script src={echartsUrl} defer></script>
      <script src={chartScriptUrl} defer></script>
    </>
  );
}
