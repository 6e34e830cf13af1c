/**
 * /admin/requests/overview — 依申请公开 figures per agency in the user's scope: a county supervising office sees
 * each subordinate agency; a township user sees only its own. Each row links to that agency's queue.
 */
import type { FastifyInstance } from 'fastify';
import { formatDateZh } from '../../calendar/dates.js';
import type { AppContext } from '../../platform/context.js';
import { requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { requestFigures } from './requests.supervisor.js';

export function registerRequestOverviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/requests/overview', async (request, reply) => {
    const user = requireUser(request);
    const { year, today, figures } = await requestFigures(ctx, user.actor);
    const q = (id: string, queue: string) =>
      `/admin/requests?queue=${queue}&agency=${encodeURIComponent(id)}`;
    return sendAdminPage(
      reply,
      request,
      '依申请公开办理情况',
      <>
        <h1>依申请公开办理情况</h1>
        <p>
          截至 {formatDateZh(today, false)}。“收到”和“按期答复率”统计 {year} 年；“在办”“5
          个工作日内到期”“已逾期”为当前在办案件。
        </p>
        {figures.length === 0 ? (
          <p>您没有可查看的机关。</p>
        ) : (
          <table>
            <caption>各机关 {year} 年依申请公开办理情况</caption>
            <thead>
              <tr>
                <th scope="col">机关</th>
                <th scope="col">本年收到</th>
                <th scope="col">在办</th>
                <th scope="col">5 个工作日内到期</th>
                <th scope="col">已逾期</th>
                <th scope="col">本年按期答复率</th>
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr>
                  <th scope="row">
                    <a href={q(f.agency.id, 'all')}>{f.agency.name}</a>
                  </th>
                  <td>{f.received}</td>
                  <td>{f.open}</td>
                  <td>{f.dueSoon ? <a href={q(f.agency.id, 'due_soon')}>{f.dueSoon}</a> : 0}</td>
                  <td>
                    {f.overdue ? (
                      <a href={q(f.agency.id, 'overdue')}>
                        <span class="tag warning">{f.overdue}</span>
                      </a>
                    ) : (
                      0
                    )}
                  </td>
                  <td>
                    {f.onTimePercent === null
                      ? '—'
                      : `${f.onTimePercent}%（${f.repliedOnTime}/${f.replied}）`}
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
