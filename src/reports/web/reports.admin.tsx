/**
 * Admin report screens: the list of agencies and years, the computed report (tables in the form's layout
 * and the failing checks), and each cell's provenance. Entry screens are in article20.routes.tsx and
 * register.routes.tsx.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { agencyReport } from '../agency-report.js';
import { reportAgencies, reportAgency } from '../entry/access.js';
import { splitCellId, tableOf } from '../model/formats.js';
import { disputesStore } from '../stores/disputes.store.js';
import { registerArticle20Routes } from './article20.admin.js';
import { reportPaths, yearOf } from './paths.js';
import { registerRegisterRoutes } from './register.admin.js';
import { cellLabel, ProvenanceView } from './provenance-view.js';
import { ReportNav } from './report-nav.js';
import { ReportTables } from './report-tables.js';
import { registerTable3Routes } from './table3.admin.js';

type YearParams = { Params: { agencyId: string; year: string } };

const severityLabel = { error: '错误', warning: '提示' } as const;

function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(reportPaths.index, async (request, reply) => {
    const user = requireUser(request);
    const agencies = await reportAgencies(ctx, user.actor);
    const thisYear = ctx.now().getFullYear();
    const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i);
    return sendAdminPage(
      reply,
      request,
      '年度报告',
      <>
        <h1>政府信息公开工作年度报告</h1>
        <p>年报表格由系统根据主动公开数据、依申请公开办理情况和行政复议、行政诉讼登记自动计算。</p>
        <table>
          <caption>您可查看的机关</caption>
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">权限</th>
              <th scope="col">年度</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map(({ agency, editable }) => (
              <tr>
                <th scope="row">{agency.name}</th>
                <td>{editable ? '填报' : '查看'}</td>
                <td>
                  {years.map((y) => (
                    <>
                      <a href={reportPaths.report(agency.id, y)} aria-label={`${agency.name}${y}年度`}>
                        {y}
                      </a>{' '}
                    </>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
    );
  });

  app.get<YearParams>('/admin/reports/:agencyId/:year', async (request, reply) => {
    const user = requireUser(request);
    const year = yearOf(request.params.year);
    const agency = await reportAgency(ctx, user.actor, request.params.agencyId, 'read');
    const { report, checks, previous } = await agencyReport(ctx, agency, year);
    const failing = checks.filter((c) => c.status === 'failed');
    return sendAdminPage(
      reply,
      request,
      `${agency.name}${year}年度报告`,
      <>
        <ReportNav agency={agency} year={year} current="report" />
        <h1>
          {agency.name}
          {year}年政府信息公开工作年度报告
        </h1>
        <p class="hint">
          格式：
          {report.format === '2019'
            ? '2019年版（国办公开办函〔2019〕60号）'
            : '2021年版（国办公开办函〔2021〕30号）'}
          。点击表中数字可查看其数据来源。
          {!previous && ' 系统中没有上一年度数据，与上年衔接的检查已跳过。'}
        </p>
        <section aria-labelledby="checks-title">
          <h2 id="checks-title">勾稽关系检查</h2>
          {failing.length === 0 ? (
            <p class="notice" role="status">
              全部检查通过（共 {checks.length} 项，其中跳过{' '}
              {checks.filter((c) => c.status === 'skipped').length} 项）。
            </p>
          ) : (
            <ul class="checks">
              {failing.map((c) => (
                <li class={`check-${c.severity}`}>
                  <strong>
                    {severityLabel[c.severity]}：{c.title}
                  </strong>
                  <ul>
                    {c.findings.map((f) => (
                      <li>
                        {f.message}
                        {f.cells[0] && (
                          <>
                            {' '}
                            <a href={reportPaths.cell(agency.id, year, f.cells[0])}>查看来源</a>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
        <ReportTables report={report} />
      </>,
    );
  });

  app.get<{ Params: { agencyId: string; year: string; cellId: string } }>(
    '/admin/reports/:agencyId/:year/cells/:cellId',
    async (request, reply) => {
      const user = requireUser(request);
      const year = yearOf(request.params.year);
      const agency = await reportAgency(ctx, user.actor, request.params.agencyId, 'read');
      const { report } = await agencyReport(ctx, agency, year);
      const id = request.params.cellId;
      if (!cellLabel(report, id) || !(id in report.tables[tableOf(splitCellId(id).rowId)])) {
        throw notFound('该单元格');
      }
      const disputes = await disputesStore.ofAgency(ctx.db, agency.id);
      return sendAdminPage(
        reply,
        request,
        '数据来源',
        <>
          <ReportNav agency={agency} year={year} current="report" />
          <ProvenanceView report={report} cellId={id} disputes={disputes} />
        </>,
      );
    },
  );
}

/** The report surface's routes, registered as one module. */
export async function registerReportAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerReportRoutes(app, ctx);
  await registerArticle20Routes(app, ctx);
  await registerRegisterRoutes(app, ctx);
  registerTable3Routes(app, ctx);
}
