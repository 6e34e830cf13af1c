/** The supervisor's dashboard over all agencies in scope: every figure as a table, charted where JS runs. */
import type { Agency } from '../../access/agency.js';
import { gradeText, type Dashboard, type DashboardRow } from '../dashboard.js';
import { BarChart } from './bar-chart.js';
import {
  AlarmTable,
  ChartScripts,
  CriticalAlarm,
  MonthsTable,
  Num,
  OutcomesTable,
  pct,
  Rate,
} from './dashboard-parts.js';

interface DashboardFilter {
  year: number;
  thisYear: number;
  /** Agency chosen in the filter, or '' for all in scope. */
  agency: string;
  to: string;
}

function FilterForm({ f, agencies }: { f: DashboardFilter; agencies: readonly Agency[] }) {
  return (
    <form method="get" action="/admin/supervision" class="inline">
      <label for="f-year">年度</label>
      <input
        type="number"
        id="f-year"
        name="year"
        value={String(f.year)}
        min="2008"
        max={String(f.thisYear)}
      />
      <label for="f-agency">单位</label>
      <select id="f-agency" name="agency">
        <option value="">全部单位</option>
        {agencies.map((a) => (
          <option value={a.id} selected={a.id === f.agency}>
            {a.name}
          </option>
        ))}
      </select>
      <button type="submit">查看</button>
    </form>
  );
}

const agencyHref = (id: string, year: number) => `/admin/supervision/agencies/${id}?year=${year}`;

/** The server-drawn chart: the 20 agencies with the lowest message on-time rate; the table below shows all. */
function OnTimeChart({ rows, year }: { rows: DashboardRow[]; year: number }) {
  const charted = rows
    .filter((r) => r.onTimeRate !== null || r.messages.overdue > 0)
    .sort((a, b) => (a.onTimeRate ?? 0) - (b.onTimeRate ?? 0))
    .slice(0, 20);
  return (
    <div data-fallback-for="fig-rates">
      <BarChart
        id="ontime"
        title={`${year}年留言按时答复率（按时答复率最低的 ${charted.length} 个单位）`}
        bars={charted.map((r) => ({
          label: r.name,
          value: r.onTimeRate ?? 0,
          text: `${pct(r.onTimeRate)}${r.messages.critical ? '，有严重告警' : r.messages.overdue ? `，超期 ${r.messages.overdue}` : ''}`,
          alarm: r.messages.critical > 0,
        }))}
      />
    </div>
  );
}

/** A count of open records, tagged when there are any. */
function OpenCount({ value, tag }: { value: number; tag: 'overdue' | 'critical' }) {
  return <td class="num">{value > 0 ? <span class={`tag ${tag}`}>{value}</span> : 0}</td>;
}

function RatesTable({ d, year }: { d: Dashboard; year: number }) {
  return (
    <table data-chart="hbar" data-max="100" id="fig-rates">
      <caption>{year}年各单位主动公开、依申请公开和留言办理情况</caption>
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col" class="num">
            发布条目
          </th>
          <th scope="col" class="num">
            超期发布
          </th>
          <th scope="col" class="num" data-series="bar">
            主动公开及时率
          </th>
          <th scope="col" class="num">
            收到申请
          </th>
          <th scope="col" class="num">
            办结申请
          </th>
          <th scope="col" class="num" data-series="bar">
            申请按时办结率
          </th>
          <th scope="col" class="num">
            超期未办结申请
          </th>
          <th scope="col" class="num">
            收到留言
          </th>
          <th scope="col" class="num">
            答复留言
          </th>
          <th scope="col" class="num" data-series="bar">
            留言按时答复率
          </th>
          <th scope="col" class="num">
            超期未答复留言
          </th>
          <th scope="col" class="num">
            超3个月未答复
          </th>
          {d.sources.map((s) => (
            <th scope="col" class="num">
              {s.label}按时率
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {d.rows.map((r) => (
          <tr>
            <th scope="row">
              <a href={agencyHref(r.agencyId, year)}>{r.name}</a>
            </th>
            <Num value={r.items.published} />
            <Num value={r.items.late} />
            <Rate value={r.rates.items} />
            <Num value={r.requests.received} />
            <Num value={r.requests.closed} />
            <Rate value={r.rates.requests} />
            <OpenCount value={r.requests.overdue} tag="overdue" />
            <Num value={r.messages.received} />
            <Num value={r.messages.closed} />
            <Rate value={r.rates.messages} />
            <OpenCount value={r.messages.overdue} tag="overdue" />
            <OpenCount value={r.messages.critical} tag="critical" />
            {d.sources.map((s) => {
              const t = r.others[s.key]!;
              return <Rate value={t.closed ? t.onTime / t.closed : null} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A rating score with two decimals, as shown and as plotted. */
function Score({ value }: { value: number }) {
  return (
    <td class="num" data-value={value.toFixed(2)}>
      {value.toFixed(2)}
    </td>
  );
}

function RatingsTable({ rows, year }: { rows: DashboardRow[]; year: number }) {
  const rated = rows.filter((r) => r.rating);
  if (rated.length === 0) return <p>{year}年没有社会评议结果。</p>;
  return (
    <table data-chart="hbar" data-max="5" id="fig-ratings">
      <caption>{year}年社会评议结果（各轮次合计的平均分，满分5分）</caption>
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col" class="num">
            评议份数
          </th>
          <th scope="col" class="num">
            真实准确
          </th>
          <th scope="col" class="num">
            及时
          </th>
          <th scope="col" class="num">
            程序合规
          </th>
          <th scope="col" class="num">
            制度落实
          </th>
          <th scope="col" class="num" data-series="bar">
            综合得分
          </th>
        </tr>
      </thead>
      <tbody>
        {rated.map((r) => {
          const g = r.rating!;
          return (
            <tr>
              <th scope="row">
                <a href={agencyHref(r.agencyId, year)}>{r.name}</a>
              </th>
              <Num value={g.responses} />
              <Score value={g.accuracy} />
              <Score value={g.timeliness} />
              <Score value={g.procedure} />
              <Score value={g.institution} />
              <Score value={g.overall} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function LeagueTable({ league, year }: { league: Dashboard['league']; year: number }) {
  if (league.length === 0) return <p>{year}年尚无考核结果。</p>;
  return (
    <table data-chart="hbar" data-max="100" id="fig-league">
      <caption>{year}年考核结果排名（得分相同的名次相同）</caption>
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col" class="num">
            名次
          </th>
          <th scope="col" class="num" data-series="bar">
            考核得分
          </th>
          <th scope="col">考核等次</th>
        </tr>
      </thead>
      <tbody>
        {league.map((l) => (
          <tr>
            <th scope="row">
              <a href={agencyHref(l.agencyId, year)}>{l.name}</a>
            </th>
            <Num value={l.rank} />
            <Num value={l.score} />
            <td>{gradeText(l.grade)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DashboardPage({
  d,
  f,
  agencies,
}: {
  d: Dashboard;
  f: DashboardFilter;
  agencies: readonly Agency[];
}) {
  const name = new Map(d.rows.map((r) => [r.agencyId, r.name]));
  const y = f.year;
  return (
    <>
      <h1>监督保障</h1>
      <p>
        <a href="/admin/accountability">考核与责任追究</a>　<a href="/admin/ratings">社会评议</a>
      </p>
      <FilterForm f={f} agencies={agencies} />
      <CriticalAlarm alarms={d.alarms} scope="所辖单位" />
      <p>
        统计期间：{y}-01-01 至 {f.to}；超期和超3个月为当前未办结数。点击单位名称查看该单位的明细。
      </p>

      <h2>主动公开和依申请公开：各月情况</h2>
      <MonthsTable year={y} months={d.months} />

      <h2>依申请公开：办理结果</h2>
      <OutcomesTable year={y} outcomes={d.outcomes} />

      <h2>按时率</h2>
      <OnTimeChart rows={d.rows} year={y} />
      <RatesTable d={d} year={y} />

      <h2>社会评议</h2>
      <RatingsTable rows={d.rows} year={y} />

      <h2>考核排名</h2>
      <LeagueTable league={d.league} year={y} />

      <h2>超期未答复的留言</h2>
      <AlarmTable alarms={d.alarms} name={(id) => name.get(id) ?? ''} />
      <ChartScripts />
    </>
  );
}
