/**
 * 考核与责任追究 screens: supervisors (`reports.supervise`) record a year's assessment, open accountability
 * cases and accept or return rectification reports; the responsible agency (`reports.edit`) submits its
 * 整改情况书面报告. Each agency-year's facts for the annual report are shown as the paragraph they produce.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { agenciesStore } from '../access/agencies.store.js';
import { scopeOf } from '../access/permissions.js';
import { legalToday } from '../calendar/legal-day.js';
import type { CurrentUser } from '../access/auth/current-user.js';
import type { AppContext } from '../platform/context.js';
import { requireUser, sendAdminPage } from '../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../web/views/forms.js';
import {
  caseStatusLabel,
  gradeLabel,
  grades,
  problemSourceLabel,
  problemSources,
  type CaseStatus,
  type Grade,
  type ProblemSource,
} from './accountability.js';
import {
  openAccountabilityCase,
  reviewRectification,
  submitRectificationReport,
} from './accountability-cases.js';
import { recordAssessment } from './record-assessment.js';
import { supervisionStore } from './supervision.store.js';
import { formRoute } from '../web/form-route.js';

type Form = Record<string, string | undefined>;
const PATH = '/admin/accountability';

function AgencySelect(props: {
  name: string;
  label: string;
  agencies: { id: string; name: string }[];
  value?: string;
  errors: Errors;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors}>
      {(a) => (
        <select {...a}>
          <option value="">（请选择）</option>
          {props.agencies.map((x) => (
            <option value={x.id} selected={props.value === x.id}>
              {x.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

async function page(
  ctx: AppContext,
  request: FastifyRequest,
  user: CurrentUser,
  year: number,
  form: { which?: string; errors?: Errors; values?: Form; message?: string } = {},
) {
  const all = await agenciesStore.all(ctx.db);
  const supervise = scopeOf(user.actor, 'reports.supervise', all);
  const edit = scopeOf(user.actor, 'reports.edit', all);
  const visible = all.filter((a) => supervise.has(a.id) || edit.has(a.id));
  const supervised = all.filter((a) => supervise.has(a.id));
  const name = new Map(all.map((a) => [a.id, a.name]));
  const assessments = await supervisionStore.assessmentsOf(
    ctx.db,
    visible.map((a) => a.id),
    year,
  );
  const cases = await supervisionStore.casesOf(
    ctx.db,
    visible.map((a) => a.id),
    year,
  );
  const e = (which: string) => (form.which === which ? (form.errors ?? {}) : {});
  const v = (which: string) => (form.which === which ? (form.values ?? {}) : {});
  return (
    <>
      <h1>考核与责任追究（{year}年度）</h1>
      <form method="get" action={PATH} class="inline">
        <label for="f-year">年度</label>
        <input type="number" id="f-year" name="year" value={String(year)} min="2008" max="2100" />
        <button type="submit">查看</button>
      </form>
      <h2>考核结果</h2>
      <table>
        <caption>{year}年度政务公开工作考核</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col" class="num">
              得分
            </th>
            <th scope="col">等次</th>
            <th scope="col">考核情况</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((a) => (
            <tr>
              <th scope="row">{name.get(a.agency_id)}</th>
              <td class="num">{a.score}</td>
              <td>{gradeLabel[a.grade as Grade] ?? a.grade}</td>
              <td>{a.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {supervised.length > 0 && (
        <>
          <h3>录入考核结果</h3>
          <ErrorSummary
            errors={e('assessment')}
            message={form.which === 'assessment' ? form.message : undefined}
          />
          <form method="post" action={`${PATH}/assessment?year=${year}`} novalidate>
            <CsrfField token={request.csrfToken} />
            <input type="hidden" name="year" value={String(year)} />
            <AgencySelect
              name="agencyId"
              label="被考核单位"
              agencies={supervised}
              value={v('assessment').agencyId}
              errors={e('assessment')}
            />
            <TextField
              name="score"
              label="得分（0–100）"
              value={v('assessment').score}
              errors={e('assessment')}
            />
            <Field name="grade" label="等次" errors={e('assessment')}>
              {(a) => (
                <select {...a}>
                  <option value="">（请选择）</option>
                  {grades.map((g) => (
                    <option value={g} selected={v('assessment').grade === g}>
                      {gradeLabel[g]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextField
              name="summary"
              label="考核情况"
              value={v('assessment').summary}
              errors={e('assessment')}
            />
            <button type="submit">保存考核结果</button>
          </form>
        </>
      )}
      <h2>责任追究</h2>
      <table>
        <caption>{year}年度责任追究与整改</caption>
        <thead>
          <tr>
            <th scope="col">责任单位</th>
            <th scope="col">来源</th>
            <th scope="col">发现的问题</th>
            <th scope="col">责任人</th>
            <th scope="col">处理措施</th>
            <th scope="col">整改报告期限</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr>
              <th scope="row">{name.get(c.agency_id)}</th>
              <td>{problemSourceLabel[c.source as ProblemSource] ?? c.source}</td>
              <td>{c.problem}</td>
              <td>{c.responsible}</td>
              <td>{c.measure}</td>
              <td>
                {c.report_due_on}
                {c.report_submitted_on && `（${c.report_submitted_on} 报送）`}
              </td>
              <td>{caseStatusLabel[c.status as CaseStatus] ?? c.status}</td>
              <td>
                {c.status === 'open' && edit.has(c.agency_id) && (
                  <form method="post" action={`${PATH}/cases/${c.id}/report?year=${year}`}>
                    <CsrfField token={request.csrfToken} />
                    {form.which === c.id && form.errors?.reportText && (
                      <p class="error-message" role="alert">
                        {form.errors.reportText}
                      </p>
                    )}
                    <label for={`f-reportText-${c.id}`}>整改情况书面报告</label>
                    <textarea id={`f-reportText-${c.id}`} name="reportText"></textarea>
                    <button type="submit">报送</button>
                  </form>
                )}
                {c.status === 'reported' && (
                  <>
                    <p class="pre-wrap">{c.report_text}</p>
                    {supervise.has(c.agency_id) && (
                      <form method="post" action={`${PATH}/cases/${c.id}/review?year=${year}`} class="inline">
                        <CsrfField token={request.csrfToken} />
                        <button type="submit" name="accept" value="yes">
                          验收通过
                        </button>
                        <button type="submit" name="accept" value="no" class="secondary">
                          退回
                        </button>
                      </form>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {supervised.length > 0 && (
        <>
          <h3>登记责任追究</h3>
          <ErrorSummary errors={e('case')} message={form.which === 'case' ? form.message : undefined} />
          <form method="post" action={`${PATH}/cases?year=${year}`} novalidate>
            <CsrfField token={request.csrfToken} />
            <AgencySelect
              name="agencyId"
              label="责任单位"
              agencies={supervised}
              value={v('case').agencyId}
              errors={e('case')}
            />
            <Field name="source" label="问题来源" errors={e('case')}>
              {(a) => (
                <select {...a}>
                  <option value="">（请选择）</option>
                  {problemSources.map((s) => (
                    <option value={s} selected={v('case').source === s}>
                      {problemSourceLabel[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextField name="problem" label="发现的问题" value={v('case').problem} errors={e('case')} />
            <TextField
              name="responsible"
              label="责任单位或责任人"
              value={v('case').responsible}
              errors={e('case')}
            />
            <TextField name="measure" label="处理措施" value={v('case').measure} errors={e('case')} />
            <TextField
              name="reportDueOn"
              label="整改报告报送期限"
              type="date"
              value={v('case').reportDueOn}
              errors={e('case')}
            />
            <button type="submit">登记</button>
          </form>
        </>
      )}
    </>
  );
}

export function registerAccountabilityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const yearOf = (q: { year?: string }) => {
    const y = Number(q.year);
    return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : Number(legalToday(ctx).slice(0, 4));
  };
  type Req = { Querystring: { year?: string }; Body: Form };

  app.get<Req>(PATH, async (request, reply) => {
    const user = requireUser(request);
    return sendAdminPage(
      reply,
      request,
      '考核与责任追究',
      await page(ctx, request, user, yearOf(request.query)),
    );
  });

  const post = (
    path: string,
    which: (r: FastifyRequest<Req & { Params: { id?: string } }>) => string,
    run: (r: FastifyRequest<Req & { Params: { id?: string } }>, user: CurrentUser) => Promise<unknown>,
  ) =>
    app.post<Req & { Params: { id?: string } }>(path, async (request, reply) => {
      const user = requireUser(request);
      const year = yearOf(request.query);
      return formRoute(reply, {
        run: () => run(request, user),
        redirect: () => `${PATH}?year=${year}`,
        again: async (e) => {
          const body = await page(ctx, request, user, year, {
            which: which(request),
            errors: e.fields,
            values: request.body,
            message: e.message,
          });
          return sendAdminPage(reply, request, '考核与责任追究', body, 422);
        },
      });
    });

  post(
    `${PATH}/assessment`,
    () => 'assessment',
    (r, u) => recordAssessment(ctx, u.actor, r.body ?? {}),
  );
  post(
    `${PATH}/cases`,
    () => 'case',
    (r, u) => openAccountabilityCase(ctx, u.actor, r.body ?? {}),
  );
  post(
    `${PATH}/cases/:id/report`,
    (r) => r.params.id ?? '',
    (r, u) => submitRectificationReport(ctx, u.actor, r.params.id ?? '', r.body ?? {}),
  );
  post(
    `${PATH}/cases/:id/review`,
    () => 'review',
    (r, u) => reviewRectification(ctx, u.actor, r.params.id ?? '', r.body?.accept === 'yes'),
  );
}
