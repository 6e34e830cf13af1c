/**
 * Admin: published items of a year by column and by subject category, 五公开, key areas, Art. 26 lateness
 * and the registry counts — the numbers an annual report's narrative quotes — for an agency in the user's
 * scope (any role that reads the agency: published figures are public); the same figures are public JSON at /api/v1/agencies/:segment/statistics?year=.
 */
import type { FastifyInstance } from 'fastify';
import { legalToday } from '../../calendar/legal-day.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { ErrorSummary } from '../../web/views/forms.js';
import { fiveKindLabel, type FiveKind } from '../items/item.js';
import { normativeDocumentCounts } from '../registry/registry.js';
import { catalogStatistics, publishedPerYear } from './statistics.js';

export function registerStatisticsAdmin(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { agency?: string; year?: string } }>(
    '/admin/catalog/statistics',
    async (request, reply) => {
      const user = requireUser(request);
      const agencies = await agenciesInScope(ctx, user, 'agency.read');
      const agency = agencies.find((a) => a.id === request.query.agency) ?? agencies[0];
      if (!agency) throw new DomainError('auth.forbidden', '您无权查看公开统计。');
      const thisYear = Number(legalToday(ctx).slice(0, 4));
      const typed = request.query.year;
      const badYear = typed !== undefined && typed !== '' && !/^(20\d\d|2100)$/.test(typed.trim());
      const year = typed && !badYear ? Number(typed) : thisYear;
      const [stats, [registry], years] = await Promise.all([
        catalogStatistics(ctx.db, agency.id, year),
        normativeDocumentCounts(ctx.db, [agency.id], year),
        publishedPerYear(ctx.db, agency.id),
      ]);
      const Counts = (p: { caption: string; rows: Array<{ name: string; count: number }> }) => (
        <table>
          <caption>{p.caption}</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">条数</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
      return sendAdminPage(
        reply,
        request,
        '主动公开统计',
        <>
          <h1>
            主动公开统计：{agency.name} {year} 年
          </h1>
          <ErrorSummary
            errors={badYear ? { year: '年份应为 2000–2100 之间的四位数字，如 2025' } : {}}
            message={badYear ? '年份有误，已显示本年统计' : undefined}
          />
          <form method="get" action="/admin/catalog/statistics">
            <label for="agency">机关</label>
            <select id="agency" name="agency">
              {agencies.map((a) => (
                <option value={a.id} selected={a.id === agency.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <label for="year">年份</label>
            <input id="year" name="year" inputMode="numeric" value={badYear ? typed : String(year)} />
            <button type="submit">查看</button>
          </form>
          <p>
            本年主动公开 {stats.published} 条；重点领域 {stats.keyArea} 条；超过条例第二十六条规定的 20
            个工作日公开 {stats.late} 条。规范性文件：本年制发 {registry!.made} 件，本年废止{' '}
            {registry!.repealed} 件，现行有效 {registry!.inForce} 件。
          </p>
          <Counts caption="按栏目" rows={stats.byColumn} />
          <Counts caption="按主题分类" rows={stats.bySubject} />
          <Counts
            caption="按五公开类别"
            rows={Object.entries(stats.byFiveKind).map(([k, count]) => ({
              name: fiveKindLabel[k as FiveKind] ?? k,
              count,
            }))}
          />
          <Counts
            caption="历年主动公开条数"
            rows={years.map((y) => ({ name: `${y.year} 年`, count: y.published }))}
          />
          <p>
            <a href={`/api/v1/agencies/${agency.pathSegment}/statistics?year=${year}`}>JSON 数据</a>
          </p>
        </>,
        badYear ? 400 : 200,
      );
    },
  );
}
