/**
 * The supervisor's dashboard (/admin/supervision, `reports.supervise` scope): per subordinate agency, message
 * timeliness for the year, overdue and over-3-months alarms, a server-rendered chart and the same figures as a
 * table. Works without JavaScript.
 */
import type { FastifyInstance } from 'fastify';
import { toLegalDay } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../web/admin-kit.js';
import { supervisionDashboard } from './dashboard.js';
import { BarChart } from './views/bar-chart.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function registerSupervisionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { year?: string } }>('/admin/supervision', async (request, reply) => {
    const user = requireUser(request);
    const agencies = await agenciesInScope(ctx, user, 'reports.supervise');
    const today = toLegalDay(ctx.now().toISOString());
    const thisYear = Number(today.slice(0, 4));
    const asked = Number(request.query.year);
    const year = Number.isInteger(asked) && asked >= 2008 && asked <= thisYear ? asked : thisYear;
    const to = year === thisYear ? today : `${year}-12-31`;
    const { rows, alarms, sources } = await supervisionDashboard(ctx.db, agencies, {
      from: `${year}-01-01`,
      to,
      today,
    });
    const name = new Map(agencies.map((a) => [a.id, a.name]));
    const critical = alarms.filter((a) => a.critical);
    // The chart shows the 20 agencies with the lowest on-time rate; the table shows all.
    const charted = rows
      .filter((r) => r.onTimeRate !== null || r.messages.overdue > 0)
      .sort((a, b) => (a.onTimeRate ?? 0) - (b.onTimeRate ?? 0))
      .slice(0, 20);
    return sendAdminPage(
      reply,
      request,
      '监督保障',
      <>
        <h1>监督保障：留言办理时效</h1>
        <p>
          <a href="/admin/accountability">考核与责任追究</a>　<a href="/admin/ratings">社会评议</a>
        </p>
        <form method="get" action="/admin/supervision" class="inline">
          <label for="f-year">年度</label>
          <input
            type="number"
            id="f-year"
            name="year"
            value={String(year)}
            min="2008"
            max={String(thisYear)}
          />
          <button type="submit">查看</button>
        </form>
        {critical.length > 0 ? (
          <div class="error-summary" role="alert">
            <h2>严重告警：{critical.length} 条留言超过3个月未答复</h2>
            <p>政府网站检查中，政务咨询类留言超过3个月未答复的，网站单项否决。请立即督办。</p>
          </div>
        ) : (
          <p class="notice">没有超过3个月未答复的留言。</p>
        )}
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
        <table>
          <caption>
            {year}年各单位留言办理情况（统计至 {to}；超期和超3个月为当前未答复数）
          </caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col" class="num">
                收到
              </th>
              <th scope="col" class="num">
                答复
              </th>
              <th scope="col" class="num">
                按时答复
              </th>
              <th scope="col" class="num">
                按时答复率
              </th>
              <th scope="col" class="num">
                超期未答复
              </th>
              <th scope="col" class="num">
                超3个月未答复
              </th>
              {sources.map((s) => (
                <th scope="col" class="num">
                  {s.label}按时率
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                <td class="num">{r.messages.received}</td>
                <td class="num">{r.messages.closed}</td>
                <td class="num">{r.messages.onTime}</td>
                <td class="num">{pct(r.onTimeRate)}</td>
                <td class="num">
                  {r.messages.overdue > 0 ? <span class="tag overdue">{r.messages.overdue}</span> : 0}
                </td>
                <td class="num">
                  {r.messages.critical > 0 ? <span class="tag critical">{r.messages.critical}</span> : 0}
                </td>
                {sources.map((s) => {
                  const t = r.others[s.key]!;
                  return <td class="num">{pct(t.closed ? t.onTime / t.closed : null)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <h2>超期未答复的留言</h2>
        {alarms.length === 0 ? (
          <p>没有超期未答复的留言。</p>
        ) : (
          <table>
            <caption>按收到日期排序，超过3个月的在前</caption>
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
                  <td>{a.trackingCode}</td>
                  <td>{a.subject}</td>
                  <td>{name.get(a.agencyId)}</td>
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
        )}
      </>,
    );
  });
}
