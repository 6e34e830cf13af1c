/**
 * 考核评分表 screens under /admin/supervision/scorecard (`reports.supervise`): configure the year's measures,
 * compute, view the league table and each agency's breakdown, enter manual measures with evidence, and
 * export the results as XLSX. Bad input re-renders the form with the error summary; nothing is stored.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agenciesStore } from '../../access/agencies.store.js';
import type { Agency } from '../../access/agency.js';
import { legalToday } from '../../calendar/legal-day.js';
import { MAX_ATTACHMENT_BYTES } from '../../interaction/attachment.js';
import { acceptUploads, fileOf } from '../../web/uploads.js';
import type { CurrentUser } from '../../access/auth/current-user.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { limited } from '../../web/concurrency.js';
import { CsrfField, ErrorSummary, Field, TextField, type Errors } from '../../web/views/forms.js';
import { gradeLabel } from '../accountability.js';
import { computeScorecard, type AgencyResult } from './compute-scorecard.js';
import { configureScorecard, loadScorecard, type Scorecard } from './configure-scorecard.js';
import { enterManualScore } from './enter-manual-score.js';
import { scorecardResults } from './scorecard-results.js';
import { scorecardWorkbook } from './scorecard-xlsx.js';
import { scorecardStore } from './scorecard.store.js';
import { coveredBy, officesOf } from './scope.js';

const PATH = '/admin/supervision/scorecard';
type Form = Record<string, string | undefined>;
type Q = { Querystring: { year?: string; office?: string } };
const pct = (x: number) => String(Math.round(x * 1000) / 10);
const rateText = (r: number | null) => (r === null ? '无数据' : `${(r * 100).toFixed(1)}%`);

interface Setting {
  user: CurrentUser;
  all: Agency[];
  offices: Agency[];
  office: Agency;
  year: number;
  sc: Scorecard;
  covered: Agency[];
}

async function settingOf(ctx: AppContext, request: FastifyRequest<Q>, body?: Form): Promise<Setting> {
  const user = requireUser(request);
  const all = await agenciesStore.all(ctx.db);
  const offices = officesOf(user.actor, all);
  const thisYear = Number(legalToday(ctx).slice(0, 4));
  const wantedYear = Number(body?.year ?? request.query.year);
  const year =
    Number.isInteger(wantedYear) && wantedYear >= 2008 && wantedYear <= 2100 ? wantedYear : thisYear;
  const office = offices.find((o) => o.id === (body?.officeId ?? request.query.office)) ?? offices[0];
  if (!office) throw notFound('您可以组织考核的主管部门');
  return {
    user,
    all,
    offices,
    office,
    year,
    sc: await loadScorecard(ctx.db, office.id, year),
    covered: coveredBy(all, office.id),
  };
}

const q = (s: Pick<Setting, 'office' | 'year'>) => `year=${s.year}&office=${encodeURIComponent(s.office.id)}`;

function Hidden({ s }: { s: Setting }) {
  return (
    <>
      <input type="hidden" name="officeId" value={s.office.id} />
      <input type="hidden" name="year" value={String(s.year)} />
    </>
  );
}

function OfficeYearFilter({ s }: { s: Setting }) {
  return (
    <form method="get" action={PATH} class="inline">
      {s.offices.length > 1 && (
        <>
          <label for="f-office">主管部门</label>
          <select id="f-office" name="office">
            {s.offices.map((o) => (
              <option value={o.id} selected={o.id === s.office.id}>
                {o.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label for="f-year">年度</label>
      <input type="number" id="f-year" name="year" value={String(s.year)} min="2008" max="2100" />
      <button type="submit">查看</button>
    </form>
  );
}

/** The league table of the last computation, with each measure's points; links to each agency's breakdown. */
function ResultsTable({ s, results }: { s: Setting; results: AgencyResult[] }) {
  if (results.length === 0) return <p>尚无计算结果。</p>;
  return (
    <>
      <p>
        <a href={`${PATH}/export.xlsx?${q(s)}`}>导出考核结果（XLSX）</a>
      </p>
      <table>
        <caption>
          {s.year}年度考核结果（按总分排序；计算结果同时记入考核结果，年报“监督保障”部分引用）
        </caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col" class="num">
              总分
            </th>
            <th scope="col">等次</th>
            {s.sc.measures.map((m) => (
              <th scope="col" class="num">
                {m.label}（{m.weight}）
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr>
              <th scope="row">
                <a href={`${PATH}/agency/${encodeURIComponent(r.agencyId)}?${q(s)}`}>{r.name}</a>
              </th>
              <td class="num">{r.total}</td>
              <td>{gradeLabel[r.grade]}</td>
              {s.sc.measures.map((m) => (
                <td class="num">{r.measures.find((x) => x.code === m.code)?.points ?? '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The scorecard's settings form: each measure's weight and thresholds, the grade lines, a new manual measure. */
function ConfigForm({
  s,
  csrf,
  values: v,
  errors,
}: {
  s: Setting;
  csrf: string;
  values: Form;
  errors: Errors;
}) {
  const val = (k: string, fallback: string) => v[k] ?? fallback;
  return (
    <form method="post" action={`${PATH}/config`} novalidate>
      <CsrfField token={csrf} />
      <Hidden s={s} />
      <table>
        <caption>考核项目</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">方式</th>
            <th scope="col">分值</th>
            <th scope="col">满分线（%）</th>
            <th scope="col">零分线（%）</th>
          </tr>
        </thead>
        <tbody>
          {s.sc.measures.map((m) => (
            <tr>
              <th scope="row">{m.label}</th>
              <td>{m.kind === 'computed' ? '数据计算' : '人工评分'}</td>
              <td>
                <TextField
                  name={`weight_${m.code}`}
                  label={`${m.label}分值`}
                  value={val(`weight_${m.code}`, String(m.weight))}
                  errors={errors}
                />
              </td>
              <td>
                {m.kind === 'computed' && (
                  <TextField
                    name={`fullAt_${m.code}`}
                    label={`${m.label}满分线`}
                    value={val(`fullAt_${m.code}`, pct(m.fullAt))}
                    errors={errors}
                  />
                )}
              </td>
              <td>
                {m.kind === 'computed' && (
                  <TextField
                    name={`zeroBelow_${m.code}`}
                    label={`${m.label}零分线`}
                    value={val(`zeroBelow_${m.code}`, pct(m.zeroBelow))}
                    errors={errors}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend>等次分数线</legend>
        <TextField
          name="excellent"
          label="优秀（不低于）"
          value={val('excellent', String(s.sc.thresholds.excellent))}
          errors={errors}
        />
        <TextField
          name="good"
          label="良好（不低于）"
          value={val('good', String(s.sc.thresholds.good))}
          errors={errors}
        />
        <TextField
          name="pass"
          label="合格（不低于）"
          value={val('pass', String(s.sc.thresholds.pass))}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>新增人工评分项目（可不填）</legend>
        <TextField name="newLabel" label="项目名称" value={v.newLabel} errors={errors} />
        <TextField name="newWeight" label="分值" value={v.newWeight} errors={errors} />
      </fieldset>
      <button type="submit">保存评分表</button>
    </form>
  );
}

async function mainPage(
  ctx: AppContext,
  request: FastifyRequest,
  s: Setting,
  form: { which?: string; errors?: Errors; values?: Form; message?: string } = {},
) {
  const results = await scorecardResults(ctx.db, s.sc, s.covered);
  const errors = (w: string) => (form.which === w ? (form.errors ?? {}) : {});
  const message = (w: string) => (form.which === w ? form.message : undefined);
  return (
    <>
      <h1>
        {s.office.name}
        {s.year}年度考核评分表
      </h1>
      <OfficeYearFilter s={s} />
      <p>
        考核范围：{s.covered.length} 个单位。{s.sc.id ? '' : '本年度尚未设置评分表，下面是默认评分表。'}
        {s.sc.computedAt ? `最近计算：${s.sc.computedAt}。` : '尚未计算。'}
      </p>

      <h2>考核结果</h2>
      <ErrorSummary errors={errors('compute')} message={message('compute')} />
      <form method="post" action={`${PATH}/compute`} class="inline">
        <CsrfField token={request.csrfToken} />
        <Hidden s={s} />
        <button type="submit">按评分表计算{s.year}年度考核结果</button>
      </form>
      <ResultsTable s={s} results={results} />

      <h2>评分表设置</h2>
      <p>
        计算项目按数据自动评分：达标率不低于“满分线”得全部分值，低于“零分线”不得分，其间按比例得分；没有可考核数据的项目不扣分。人工评分项目在各单位的评分明细页录入，须附佐证材料或说明。各项分值合计应为
        100。
      </p>
      <ErrorSummary errors={errors('config')} message={message('config')} />
      <ConfigForm
        s={s}
        csrf={request.csrfToken}
        values={form.which === 'config' ? (form.values ?? {}) : {}}
        errors={errors('config')}
      />
    </>
  );
}

async function agencyPage(
  ctx: AppContext,
  request: FastifyRequest,
  s: Setting,
  agency: Agency,
  form: { errors?: Errors; values?: Form; message?: string } = {},
) {
  const results = await scorecardResults(ctx.db, s.sc, [agency]);
  const r = results[0];
  const manual = s.sc.id
    ? (await scorecardStore.manualScores(ctx.db, s.sc.id)).filter((m) => m.agency_id === agency.id)
    : [];
  const manualMeasures = s.sc.measures.filter((m) => m.kind === 'manual');
  const v = form.values ?? {};
  const errors = form.errors ?? {};
  return (
    <>
      <h1>
        {agency.name}
        {s.year}年度考核评分明细
      </h1>
      <p>
        <a href={`${PATH}?${q(s)}`}>返回考核评分表</a>
      </p>
      {r ? (
        <table>
          <caption>
            总分 {r.total} 分，等次“{gradeLabel[r.grade]}”
          </caption>
          <thead>
            <tr>
              <th scope="col">考核项目</th>
              <th scope="col" class="num">
                分值
              </th>
              <th scope="col" class="num">
                达标率
              </th>
              <th scope="col" class="num">
                得分
              </th>
              <th scope="col">评分依据</th>
            </tr>
          </thead>
          <tbody>
            {r.measures.map((m) => (
              <tr>
                <th scope="row">{m.label}</th>
                <td class="num">{m.weight}</td>
                <td class="num">{rateText(m.rate)}</td>
                <td class="num">{m.points}</td>
                <td>{m.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>尚未计算本年度考核结果。</p>
      )}
      <h2>人工评分</h2>
      {manual.length > 0 && (
        <ul>
          {manual.map((m) => (
            <li>
              {manualMeasures.find((x) => x.code === m.code)?.label ?? m.code}：{m.points} 分，
              {m.note || '（无说明）'}
              {m.evidence_name && (
                <>
                  ，佐证材料{' '}
                  <a
                    href={`${PATH}/evidence/${encodeURIComponent(agency.id)}/${encodeURIComponent(m.code)}?${q(s)}`}
                  >
                    {m.evidence_name}
                  </a>
                </>
              )}
              （{m.entered_by}，{m.entered_at.slice(0, 10)}）
            </li>
          ))}
        </ul>
      )}
      <p>录入或修改后，请回到考核评分表重新计算。</p>
      <ErrorSummary errors={errors} message={form.message} />
      <form method="post" action={`${PATH}/manual`} enctype="multipart/form-data" novalidate>
        <CsrfField token={request.csrfToken} />
        <Hidden s={s} />
        <input type="hidden" name="agencyId" value={agency.id} />
        <Field name="code" label="人工评分项目" errors={errors}>
          {(a) => (
            <select {...a}>
              <option value="">（请选择）</option>
              {manualMeasures.map((m) => (
                <option value={m.code} selected={v.code === m.code}>
                  {m.label}（{m.weight}分）
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField name="points" label="得分" value={v.points} errors={errors} />
        <Field name="note" label="评分说明" errors={errors} hint="说明和佐证材料至少提供一项">
          {(a) => (
            <textarea {...a} rows={4}>
              {v.note ?? ''}
            </textarea>
          )}
        </Field>
        <Field name="evidence" label="佐证材料（PDF、PNG 或 JPG，不超过 5MB）" errors={errors}>
          {(a) => <input {...a} type="file" accept=".pdf,.png,.jpg,.jpeg" />}
        </Field>
        <button type="submit">保存人工评分</button>
      </form>
    </>
  );
}

function agencyIn(s: Setting, id: string): Agency {
  const a = s.covered.find((x) => x.id === id);
  if (!a) throw notFound('该被考核单位');
  return a;
}

const formProblem = (e: unknown): e is DomainError =>
  e instanceof DomainError && e.code === 'validation.failed';

export async function registerScorecardRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await acceptUploads(app, { maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: 1 });

  app.get<Q>(PATH, async (request, reply) => {
    const s = await settingOf(ctx, request);
    return sendAdminPage(reply, request, '考核评分表', await mainPage(ctx, request, s));
  });

  const post = (path: string, which: string, run: (s: Setting, body: Form) => Promise<unknown>) =>
    app.post<Q & { Body: Form }>(path, async (request, reply: FastifyReply) => {
      const body = request.body ?? {};
      const s = await settingOf(ctx, request, body);
      try {
        await run(s, body);
        return reply.redirect(`${PATH}?${q(s)}`, 303);
      } catch (e) {
        if (!formProblem(e)) throw e;
        const page = await mainPage(ctx, request, s, {
          which,
          errors: e.fields,
          values: body,
          message: e.message,
        });
        return sendAdminPage(reply, request, '考核评分表', page, 422);
      }
    });
  post(`${PATH}/config`, 'config', (s, body) =>
    configureScorecard(ctx, s.user.actor, { officeId: s.office.id, ...body }),
  );
  post(`${PATH}/compute`, 'compute', (s, body) =>
    computeScorecard(ctx, s.user.actor, {
      officeId: body.officeId ?? s.office.id,
      year: body.year ?? s.year,
    }),
  );

  app.get<Q & { Params: { agencyId: string } }>(`${PATH}/agency/:agencyId`, async (request, reply) => {
    const s = await settingOf(ctx, request);
    const agency = agencyIn(s, request.params.agencyId);
    return sendAdminPage(reply, request, '考核评分明细', await agencyPage(ctx, request, s, agency));
  });

  app.post<Q & { Body: Form }>(`${PATH}/manual`, async (request, reply) => {
    const body = request.body ?? {};
    const s = await settingOf(ctx, request, body);
    const agency = agencyIn(s, body.agencyId ?? '');
    const file = fileOf(body, 'evidence');
    try {
      await enterManualScore(ctx, s.user.actor, { officeId: s.office.id, ...body }, file);
      return reply.redirect(`${PATH}/agency/${encodeURIComponent(agency.id)}?${q(s)}`, 303);
    } catch (e) {
      if (!formProblem(e)) throw e;
      const page = await agencyPage(ctx, request, s, agency, {
        errors: e.fields,
        values: body,
        message: e.message,
      });
      return sendAdminPage(reply, request, '考核评分明细', page, 422);
    }
  });

  app.get<Q & { Params: { agencyId: string; code: string } }>(
    `${PATH}/evidence/:agencyId/:code`,
    async (request, reply) => {
      const s = await settingOf(ctx, request);
      const agency = agencyIn(s, request.params.agencyId);
      const e = s.sc.id
        ? await scorecardStore.evidence(ctx.db, s.sc.id, agency.id, request.params.code)
        : undefined;
      if (!e?.evidence || !e.evidence_name) throw notFound('佐证材料');
      return reply
        .type(e.evidence_type ?? 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.evidence_name)}`)
        .send(Buffer.from(e.evidence));
    },
  );

  app.get<Q>(`${PATH}/export.xlsx`, async (request, reply) => {
    const s = await settingOf(ctx, request);
    const workbook = await limited(request, 'export', async () =>
      scorecardWorkbook(s.sc, s.office.name, await scorecardResults(ctx.db, s.sc, s.covered)),
    );
    const name = `${s.office.name}${s.year}年度考核结果.xlsx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(workbook);
  });
}
