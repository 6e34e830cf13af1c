/**
 * Admin screens for annual reports: the roll-up of the reports the user may edit or supervise, and one report's
 * page — checks, writing warnings, the narrative editor (starting from the computed draft), and the workflow
 * buttons each user may press (submit; return with a comment / accept; publish with an override reason; reopen).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesStore } from '../access/agencies.store.js';
import { can } from '../access/permissions.js';
import { legalToday } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import type { Errors } from '../web/views/forms.js';
import { acceptReport } from './accept-report.js';
import { deadlineLabel } from '../reports/deadline.js';
import { toNarrative } from './narrative.js';
import { publishReport } from './publish-report.js';
import { ReportPage } from './report-page.js';
import { reopenReport } from './reopen-report.js';
import { returnReport } from './return-report.js';
import { storedAuditsStore, type StoredAuditSummary } from '../audit/stored-audits.store.js';
import { savedAuditHref } from '../audit/web/stored-audits-page.js';
import { supervisorRollup } from './supervisor-rollup.js';
import { regionalSummary, ROLLUP_FIGURES, type RollupRow } from './rollup.js';
import { saveNarrative } from './save-narrative.js';
import { startReport } from './start-report.js';
import { submitReport } from './submit-report.js';
import { statusLabel } from './workflow.js';
import { computeWorkingReport, loadAgency, writingWarnings } from './working-report.js';
import { formRoute } from '../web/form-route.js';

type Form = Record<string, string | undefined>;
const DEFAULT_YEAR = (ctx: AppContext) => Number(legalToday(ctx).slice(0, 4)) - 1;

async function detail(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  agencyId: string,
  year: number,
  problem: { errors?: Errors; message?: string; values?: Form } = {},
  status = 200,
) {
  const user = requireUser(request);
  const all = await agenciesStore.all(ctx.db);
  const agency = await loadAgency(ctx.db, agencyId);
  const mayEdit = can(user.actor, 'reports.edit', agency.id, all);
  const maySupervise = can(user.actor, 'reports.supervise', agency.id, all);
  if (!mayEdit && !maySupervise) throw notFound('该机关的年报');
  const w = await computeWorkingReport(ctx, agency, year);
  const narrative = problem.values ? toNarrative(problem.values) : w.record?.narrative;
  const warnings = narrative ? await writingWarnings(ctx, w, narrative) : [];
  return sendAdminPage(
    reply,
    request,
    `${agency.name}${year}年年报`,
    <ReportPage
      v={{
        w,
        narrative,
        warnings,
        mayEdit,
        maySupervise,
        today: legalToday(ctx),
        csrf: request.csrfToken,
        errors: problem.errors ?? {},
        message: problem.message,
      }}
    />,
    status,
  );
}

/** The latest saved audit of the report the agency published elsewhere (src/audit), if any. */
function ExternalAudit({ audit }: { audit: StoredAuditSummary | undefined }) {
  if (!audit) return <>—</>;
  return (
    <a href={savedAuditHref(audit.id)}>
      错误 {audit.errors}，警告 {audit.warnings}
    </a>
  );
}

/** Each agency's main figures side by side, with the region's sum clearly labelled as a statistical summary. */
function FiguresSideBySide({ rows }: { rows: RollupRow[] }) {
  const total = regionalSummary(rows);
  return (
    <table>
      <caption>主要数据对照（下方合计为统计汇总，不是本级政府的法定年度报告）</caption>
      <thead>
        <tr>
          <th scope="col">机关</th>
          {ROLLUP_FIGURES.map((f) => (
            <th scope="col">{f.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.agency.name}</th>
            {ROLLUP_FIGURES.map((f) => (
              <td>{r.figures?.[f.key] ?? ''}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">合计（统计汇总）</th>
          {ROLLUP_FIGURES.map((f) => (
            <td>{total[f.key]}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}

const steps = {
  start: (ctx: AppContext, actor: Parameters<typeof startReport>[1], agencyId: string, year: number) =>
    startReport(ctx, actor, { agencyId, year }),
  save: (
    ctx: AppContext,
    actor: Parameters<typeof startReport>[1],
    agencyId: string,
    year: number,
    f: Form,
  ) => saveNarrative(ctx, actor, { agencyId, year, narrative: f }),
  submit: (ctx: AppContext, actor: Parameters<typeof startReport>[1], agencyId: string, year: number) =>
    submitReport(ctx, actor, { agencyId, year }),
  return: (
    ctx: AppContext,
    actor: Parameters<typeof startReport>[1],
    agencyId: string,
    year: number,
    f: Form,
  ) => returnReport(ctx, actor, { agencyId, year, comment: f.comment }),
  accept: (ctx: AppContext, actor: Parameters<typeof startReport>[1], agencyId: string, year: number) =>
    acceptReport(ctx, actor, { agencyId, year }),
  publish: (
    ctx: AppContext,
    actor: Parameters<typeof startReport>[1],
    agencyId: string,
    year: number,
    f: Form,
  ) => publishReport(ctx, actor, { agencyId, year, overrideReason: f.overrideReason }),
  reopen: (
    ctx: AppContext,
    actor: Parameters<typeof startReport>[1],
    agencyId: string,
    year: number,
    f: Form,
  ) => reopenReport(ctx, actor, { agencyId, year, reason: f.reason }),
} as const;

export function registerAnnualReportAdmin(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { year?: string } }>('/admin/annual-reports', async (request, reply) => {
    const user = requireUser(request);
    const year = Number(request.query.year) || DEFAULT_YEAR(ctx);
    const all = await agenciesStore.all(ctx.db);
    const agencies = all.filter(
      (a) => can(user.actor, 'reports.edit', a.id, all) || can(user.actor, 'reports.supervise', a.id, all),
    );
    const supervised = agencies.filter((a) => can(user.actor, 'reports.supervise', a.id, all));
    const [rows, audits] = await Promise.all([
      supervisorRollup(ctx, agencies, year),
      storedAuditsStore.latestOfYear(
        ctx.db,
        supervised.map((a) => a.id),
        year,
      ),
    ]);
    return sendAdminPage(
      reply,
      request,
      '政府信息公开工作年度报告',
      <>
        <h1>{year}年政府信息公开工作年度报告</h1>
        <form method="get" action="/admin/annual-reports">
          <label for="year">年度</label>{' '}
          <input id="year" name="year" value={String(year)} inputMode="numeric" />{' '}
          <button type="submit">查看</button>
        </form>
        <table>
          <caption>各机关年报情况（监督汇总，非本级政府的法定年报）</caption>
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">状态</th>
              <th scope="col">公开期限</th>
              <th scope="col">期限情况</th>
              <th scope="col">错误</th>
              <th scope="col">提示</th>
              <th scope="col">外部发布年报审查</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/annual-reports/${r.agency.id}/${year}`}>{r.agency.name}</a>
                </th>
                <td>{statusLabel[r.status]}</td>
                <td>{r.dueOn}</td>
                <td>{deadlineLabel[r.deadline]}</td>
                <td>{r.errors}</td>
                <td>{r.warnings}</td>
                <td>
                  <ExternalAudit audit={audits.get(r.agency.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <FiguresSideBySide rows={rows} />
      </>,
    );
  });

  app.get<{ Params: { agency: string; year: string } }>(
    '/admin/annual-reports/:agency/:year',
    async (request, reply) => {
      requireUser(request);
      const year = Number(request.params.year);
      if (!Number.isInteger(year)) throw notFound('该年度的年报');
      return detail(ctx, request, reply, request.params.agency, year);
    },
  );

  app.post<{ Params: { agency: string; year: string; step: string }; Body: Form }>(
    '/admin/annual-reports/:agency/:year/:step',
    async (request, reply) => {
      const user = requireUser(request);
      const { agency, step } = request.params;
      const year = Number(request.params.year);
      const run = steps[step as keyof typeof steps];
      if (!run || !Number.isInteger(year)) throw notFound('该操作');
      const form = request.body ?? {};
      return formRoute(reply, {
        run: async () => {
          await run(ctx, user.actor, agency, year, form);
        },
        redirect: () => `/admin/annual-reports/${agency}/${year}`,
        refusals: ['validation.failed', 'report.checks_failed', 'report.transition_refused'],
        again: (e) =>
          detail(
            ctx,
            request,
            reply,
            agency,
            year,
            { errors: e.fields, message: e.message, ...(step === 'save' ? { values: form } : {}) },
            422,
          ),
      });
    },
  );
}
