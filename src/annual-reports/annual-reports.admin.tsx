/**
 * Admin screens for annual reports: the roll-up of the reports the user may edit or supervise, and one report's
 * page — checks, writing warnings, the narrative editor (starting from the computed draft), and the workflow
 * buttons each user may press (submit; return with a comment / accept; publish with an override reason; reopen).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesStore } from '../access/agencies.store.js';
import { can } from '../access/permissions.js';
import { legalDayOf, legalToday } from '../calendar/legal-day.js';
import type { AppContext } from '../platform/context.js';
import { notFound } from '../platform/errors.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, type Errors } from '../web/views/forms.js';
import { acceptReport } from './accept-report.js';
import { deadlineLabel, deadlineStatus, reportDueOn } from '../reports/deadline.js';
import { NARRATIVE_PARTS, toNarrative } from './narrative.js';
import { publishReport } from './publish-report.js';
import { reopenReport } from './reopen-report.js';
import { returnReport } from './return-report.js';
import { storedAuditsStore, type StoredAuditSummary } from '../audit/stored-audits.store.js';
import { savedAuditHref } from '../audit/web/stored-audits-page.js';
import { supervisorRollup } from './supervisor-rollup.js';
import { regionalSummary, ROLLUP_FIGURES, type RollupRow } from './rollup.js';
import { saveNarrative } from './save-narrative.js';
import { startReport } from './start-report.js';
import { submitReport } from './submit-report.js';
import { canStep, statusLabel } from './workflow.js';
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
  const r = w.record;
  const narrative = problem.values ? toNarrative(problem.values) : r?.narrative;
  const warnings = narrative ? await writingWarnings(ctx, w, narrative) : [];
  const failed = w.checks.filter((c) => c.status === 'failed');
  const base = `/admin/annual-reports/${agency.id}/${year}`;
  const e = problem.errors ?? {};
  const editable = r && mayEdit && canStep(r.status, 'edit');
  const dueOn = reportDueOn(agency.level, year);
  return sendAdminPage(
    reply,
    request,
    `${agency.name}${year}年年报`,
    <>
      <h1>
        {agency.name}
        {year}年政府信息公开工作年度报告
      </h1>
      <ErrorSummary errors={e} message={problem.message} />
      <p>
        状态：<strong id="report-status">{statusLabel[r?.status ?? 'not_started']}</strong>
        {r && r.publishedVersions > 0 && (
          <>
            　
            <a href={`/${agency.pathSegment}/xxgk/ndbg/${year}`}>
              查看已公开的年报（{r.publishedVersions} 个版本）
            </a>
          </>
        )}
      </p>
      <p>
        公开期限：{dueOn}（
        {
          deadlineLabel[
            deadlineStatus(
              dueOn,
              r?.firstPublishedAt ? legalDayOf(r.firstPublishedAt) : null,
              legalToday(ctx),
            )
          ]
        }
        ；《条例》第四十九条）
      </p>
      {r?.status === 'returned' && r.returnComment && (
        <div class="notice" role="status">
          <h2>主管部门退回意见</h2>
          <p id="return-comment">{r.returnComment}</p>
        </div>
      )}
      <section aria-labelledby="checks">
        <h2 id="checks">勾稽关系检查</h2>
        {failed.length === 0 ? (
          <p>全部通过。</p>
        ) : (
          <ul id="failed-checks">
            {failed.map((c) => (
              <li>
                <strong>{c.severity === 'error' ? '错误' : '提示'}</strong>：{c.title}
                <ul>
                  {c.findings.slice(0, 5).map((f) => (
                    <li>{f.message}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      {warnings.length > 0 && (
        <section aria-labelledby="writing">
          <h2 id="writing">文字检查提示</h2>
          <ul id="writing-warnings">
            {warnings.map((x) => (
              <li>{x.message}</li>
            ))}
          </ul>
        </section>
      )}
      {!r && mayEdit && (
        <form method="post" action={`${base}/start`}>
          <CsrfField token={request.csrfToken} />
          <p>系统将根据表格数据生成正文初稿，其中的数字均由系统计算。</p>
          <button type="submit">开始编写</button>
        </form>
      )}
      {r && (
        <form method="post" action={`${base}/save`} novalidate>
          <CsrfField token={request.csrfToken} />
          <h2>正文</h2>
          {NARRATIVE_PARTS.map((p) => (
            <Field
              name={p.id}
              label={`${p.section === 's1' ? '一、总体情况' : p.section === 's5' ? '五、存在的主要问题及改进情况' : '六、其他需要报告的事项'} ${p.label}`}
              errors={e}
            >
              {(a) => (
                <textarea {...a} rows={5} readOnly={!editable}>
                  {narrative?.[p.id] ?? ''}
                </textarea>
              )}
            </Field>
          ))}
          {p_draft(w.draft)}
          {editable && <button type="submit">保存正文</button>}
        </form>
      )}
      {r && mayEdit && canStep(r.status, 'submit') && (
        <form method="post" action={`${base}/submit`}>
          <CsrfField token={request.csrfToken} />
          <button type="submit">报送主管部门</button>
        </form>
      )}
      {r && maySupervise && canStep(r.status, 'return') && (
        <>
          <form method="post" action={`${base}/return`} novalidate>
            <CsrfField token={request.csrfToken} />
            <Field name="comment" label="退回修改意见" errors={e}>
              {(a) => <textarea {...a} rows={3}></textarea>}
            </Field>
            <button type="submit">退回修改</button>
          </form>
          <form method="post" action={`${base}/accept`}>
            <CsrfField token={request.csrfToken} />
            <button type="submit">审核通过</button>
          </form>
        </>
      )}
      {r && mayEdit && canStep(r.status, 'publish') && (
        <form method="post" action={`${base}/publish`} novalidate>
          <CsrfField token={request.csrfToken} />
          {w.failingErrors.length > 0 && (
            <Field
              name="overrideReason"
              label="强制公开的理由（存在勾稽关系错误时必填，将在发布记录中公开）"
              errors={e}
            >
              {(a) => <textarea {...a} rows={3}></textarea>}
            </Field>
          )}
          <button type="submit">公开年报</button>
        </form>
      )}
      {r && mayEdit && canStep(r.status, 'reopen') && (
        <form method="post" action={`${base}/reopen`} novalidate>
          <CsrfField token={request.csrfToken} />
          <Field name="reason" label="更正理由（更正后将作为新版本重新公开，原版本保留）" errors={e}>
            {(a) => <textarea {...a} rows={3}></textarea>}
          </Field>
          <button type="submit">更正重发</button>
        </form>
      )}
    </>,
    status,
  );
}

/** Each agency's main figures side by side, with the region's sum clearly labelled as a statistical summary. */
/** The latest saved audit of the report the agency published elsewhere (src/audit), if any. */
function ExternalAudit({ audit }: { audit: StoredAuditSummary | undefined }) {
  if (!audit) return <>—</>;
  return (
    <a href={savedAuditHref(audit.id)}>
      错误 {audit.errors}，警告 {audit.warnings}
    </a>
  );
}

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

/** The computed draft, shown beside the editor so staff can copy its computed sentences. */
function p_draft(draft: Record<string, string>) {
  return (
    <details>
      <summary>查看系统生成的初稿（数字由表格计算）</summary>
      {NARRATIVE_PARTS.map((p) => (
        <p>
          <strong>{p.label}</strong> {draft[p.id]}
        </p>
      ))}
    </details>
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
