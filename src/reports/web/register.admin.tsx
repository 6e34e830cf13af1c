/**
 * The review and litigation register of an agency: the disputes with their stages, a form to register a
 * dispute, forms to record a pending stage's decision and to add the next stage, and XLSX/CSV import.
 * Results are chosen from the detailed lists of the law; table 四 maps them to its columns.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Agency } from '../../access/agency.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, validationFailed } from '../../platform/errors.js';
import { requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, ErrorSummary, TextField, Field, type Errors } from '../../web/views/forms.js';
import { LITIGATION_RESULTS, RECONSIDERATION_RESULTS, type DisputeStage } from '../disputes/register.js';
import { reportAgency } from '../entry/access.js';
import {
  addStage,
  decideStage,
  registerDispute,
  resultLabel,
  STAGE_KINDS,
} from '../entry/register-dispute.js';
import { disputesTemplate, importDisputes } from '../import/disputes-import.js';
import { sheetKindOf } from '../../sheets/sheet.js';
import { disputesStore, type RegisteredDispute } from '../stores/disputes.store.js';
import { reportPaths, yearOf } from './paths.js';
import { ProblemList, ReportNav } from './report-nav.js';
import { acceptSheetUpload, uploadedFile } from './upload.js';

type Form = Record<string, string | undefined>;
type YearParams = { Params: { agencyId: string; year: string } };
type DisputeParams = { Params: { agencyId: string; year: string; disputeId: string } };

/** One select for both kinds of result, values prefixed by kind so a mismatch is caught. */
function ResultSelect(props: {
  name: string;
  label: string;
  value?: string | undefined;
  errors: Errors;
  optional?: boolean;
}) {
  return (
    <Field name={props.name} label={props.label} errors={props.errors}>
      {(a) => (
        <select {...a}>
          {props.optional && <option value="">（尚未审结）</option>}
          <optgroup label="行政复议结果">
            {Object.entries(RECONSIDERATION_RESULTS).map(([k, v]) => (
              <option value={`reconsideration:${k}`} selected={props.value === `reconsideration:${k}`}>
                {v}
              </option>
            ))}
          </optgroup>
          <optgroup label="行政诉讼结果">
            {Object.entries(LITIGATION_RESULTS).map(([k, v]) => (
              <option value={`litigation:${k}`} selected={props.value === `litigation:${k}`}>
                {v}
              </option>
            ))}
          </optgroup>
        </select>
      )}
    </Field>
  );
}

function KindSelect(props: { name: string; value?: string | undefined; errors: Errors }) {
  return (
    <Field name={props.name} label="阶段" errors={props.errors}>
      {(a) => (
        <select {...a}>
          {Object.entries(STAGE_KINDS).map(([k, v]) => (
            <option value={k} selected={props.value === k}>
              {v}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The chosen result for a stage kind; a result of the other kind is refused in Chinese. */
function resultFor(kind: DisputeStage['kind'], value: string | undefined): string | undefined {
  if (!value) return undefined;
  const [group, key] = value.split(':');
  if ((group === 'reconsideration') !== (kind === 'reconsideration')) {
    throw validationFailed({ result: `所选结果不适用于${STAGE_KINDS[kind]}。` });
  }
  return key;
}

/** Form fields → a stage (bad dates and results are left to the use case's checks). */
function stageFromForm(form: Form): DisputeStage {
  const kind = (form.kind ?? '') as DisputeStage['kind'];
  if (!(kind in STAGE_KINDS)) throw validationFailed({ kind: '请选择阶段。' });
  const result = resultFor(kind, form.result);
  const decidedOn = (form.decidedOn ?? '').trim();
  return {
    kind,
    body: (form.body ?? '').trim(),
    filedOn: (form.filedOn ?? '').trim(),
    ...(decidedOn ? { decidedOn } : {}),
    ...(result ? { result } : {}),
  } as DisputeStage;
}

function StageFields(props: { values: Form; errors: Errors; kinds?: boolean }) {
  const v = props.values;
  return (
    <>
      {props.kinds !== false && <KindSelect name="kind" value={v.kind} errors={props.errors} />}
      <TextField name="body" label="复议机关或法院" value={v.body} errors={props.errors} />
      <TextField
        name="filedOn"
        label="申请（起诉）日期"
        type="date"
        value={v.filedOn}
        errors={props.errors}
        hint="如 2025-04-10"
      />
      <TextField
        name="decidedOn"
        label="决定（裁判）日期"
        type="date"
        value={v.decidedOn}
        errors={props.errors}
        hint="尚未审结的留空"
      />
      <ResultSelect name="result" label="结果" value={v.result} errors={props.errors} optional />
    </>
  );
}

function DisputeCard(props: {
  d: RegisteredDispute;
  agency: Agency;
  year: number;
  editable: boolean;
  csrf: string;
}) {
  const { d } = props;
  const base = `${reportPaths.register(props.agency.id, props.year)}/${d.id}`;
  const last = d.stages.at(-1);
  const next: DisputeStage['kind'] | undefined =
    last?.decidedOn === undefined
      ? undefined
      : last.kind === 'reconsideration'
        ? 'lawsuit'
        : last.kind === 'lawsuit'
          ? 'appeal'
          : undefined;
  return (
    <section id={`d-${d.id}`} class="dispute">
      <h3>
        {d.reference || '（无编号）'}
        {d.requestId && `（关联申请：${d.requestId}）`}
      </h3>
      <table>
        <caption class="visually-hidden">{d.reference} 的各阶段</caption>
        <thead>
          <tr>
            <th scope="col">阶段</th>
            <th scope="col">复议机关或法院</th>
            <th scope="col">申请（起诉）日期</th>
            <th scope="col">决定（裁判）日期</th>
            <th scope="col">结果</th>
          </tr>
        </thead>
        <tbody>
          {d.stages.map((s) => (
            <tr>
              <th scope="row">{STAGE_KINDS[s.kind]}</th>
              <td>{s.body}</td>
              <td>{s.filedOn}</td>
              <td>{s.decidedOn ?? '—'}</td>
              <td>{resultLabel(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.editable && last && last.decidedOn === undefined && (
        <form method="post" action={`${base}/decision`} class="inline-form">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="kind" value={last.kind} />
          <TextField
            name="decidedOn"
            label={`${STAGE_KINDS[last.kind]}决定（裁判）日期`}
            type="date"
            errors={{}}
          />
          <ResultSelect name="result" label="结果" errors={{}} />
          <button type="submit">登记结果</button>
        </form>
      )}
      {props.editable && next && (
        <details>
          <summary>登记下一阶段：{STAGE_KINDS[next]}</summary>
          <form method="post" action={`${base}/stages`}>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="kind" value={next} />
            <StageFields values={{}} errors={{}} kinds={false} />
            <button type="submit">登记</button>
          </form>
        </details>
      )}
    </section>
  );
}

async function page(
  ctx: AppContext,
  request: FastifyRequest<YearParams>,
  reply: FastifyReply,
  extra: {
    values?: Form;
    errors?: Errors;
    message?: string;
    importProblems?: readonly string[];
    saved?: string;
  } = {},
  status = 200,
) {
  const user = requireUser(request);
  const year = yearOf(request.params.year);
  const agency = await reportAgency(ctx, user.actor, request.params.agencyId, 'read');
  const editable = await reportAgency(ctx, user.actor, agency.id, 'edit').then(
    () => true,
    () => false,
  );
  const disputes = await disputesStore.ofAgency(ctx.db, agency.id);
  const action = reportPaths.register(agency.id, year);
  const values = extra.values ?? {};
  const errors = extra.errors ?? {};
  return sendAdminPage(
    reply,
    request,
    `${agency.name}行政复议、行政诉讼登记`,
    <>
      <ReportNav agency={agency} year={year} current="register" />
      <h1>行政复议、行政诉讼登记</h1>
      {extra.saved && (
        <p class="notice" role="status">
          {extra.saved === 'import' ? '已导入。' : '已保存。'}
        </p>
      )}
      {extra.importProblems && (
        <ProblemList
          message="导入文件有问题，未导入任何数据："
          problems={extra.importProblems}
          field="f-file"
        />
      )}
      <ErrorSummary errors={errors} message={extra.message} />
      <p class="hint">
        登记本机关政府信息公开工作引起的行政复议、行政诉讼；年报表四按各阶段的结果自动统计（复议后起诉的，同时计入“行政复议”和“复议后起诉”）。
      </p>
      <h2>已登记（共 {disputes.length} 件）</h2>
      {disputes.length === 0 && <p>尚未登记。</p>}
      {disputes.map((d) => (
        <DisputeCard d={d} agency={agency} year={year} editable={editable} csrf={request.csrfToken} />
      ))}
      {editable && (
        <>
          <section aria-labelledby="add-title">
            <h2 id="add-title">登记新的争议</h2>
            <form method="post" action={action} novalidate>
              <CsrfField token={request.csrfToken} />
              <TextField name="reference" label="案号或编号" value={values.reference} errors={errors} />
              <TextField
                name="requestId"
                label="关联的政府信息公开申请编号（可不填）"
                value={values.requestId}
                errors={errors}
              />
              <StageFields values={values} errors={errors} />
              <button type="submit">登记</button>
            </form>
          </section>
          <section aria-labelledby="import-title">
            <h2 id="import-title">从表格导入</h2>
            <p>
              下载模板：<a href={`${action}/template.xlsx`}>XLSX 模板</a>、
              <a href={`${action}/template.csv`}>CSV 模板</a>
              。每行一个阶段，同一争议的各阶段填写相同的争议编号；整份文件无误才会导入。
            </p>
            <form method="post" action={`${action}/import`} enctype="multipart/form-data">
              <CsrfField token={request.csrfToken} />
              <div class="field">
                <label for="f-file">选择文件（XLSX 或 CSV）</label>
                <input type="file" id="f-file" name="file" accept=".xlsx,.csv" />
              </div>
              <button type="submit">导入</button>
            </form>
          </section>
        </>
      )}
    </>,
    status,
  );
}

const isValidation = (e: unknown): e is DomainError =>
  e instanceof DomainError && e.code === 'validation.failed';

export async function registerRegisterRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const path = '/admin/reports/:agencyId/:year/register';
  const back = (agencyId: string, year: number, anchor = '') =>
    `${reportPaths.register(agencyId, year)}?saved=form${anchor}`;

  app.get<YearParams & { Querystring: { saved?: string } }>(path, (request, reply) =>
    page(ctx, request, reply, request.query.saved ? { saved: request.query.saved } : {}),
  );

  app.post<YearParams & { Body: Form }>(path, async (request, reply) => {
    const user = requireUser(request);
    const year = yearOf(request.params.year);
    const form = request.body ?? {};
    try {
      const { disputeId } = await registerDispute(ctx, user.actor, request.params.agencyId, {
        reference: form.reference ?? '',
        ...(form.requestId ? { requestId: form.requestId } : {}),
        stages: [stageFromForm(form)],
      });
      return reply.redirect(back(request.params.agencyId, year, `#d-${disputeId}`), 303);
    } catch (e) {
      if (!isValidation(e)) throw e;
      return page(ctx, request, reply, { values: form, errors: e.fields, message: e.message }, 422);
    }
  });

  const change =
    (apply: (actor: Parameters<typeof addStage>[1], disputeId: string, form: Form) => Promise<void>) =>
    async (request: FastifyRequest<DisputeParams & { Body: Form }>, reply: FastifyReply) => {
      const user = requireUser(request);
      const year = yearOf(request.params.year);
      const dispute = await disputesStore.byId(ctx.db, request.params.disputeId);
      if (!dispute || dispute.agencyId !== request.params.agencyId) {
        throw new DomainError('not_found', '未找到该争议。');
      }
      try {
        await apply(user.actor, dispute.id, request.body ?? {});
        return reply.redirect(back(dispute.agencyId, year, `#d-${dispute.id}`), 303);
      } catch (e) {
        if (!isValidation(e)) throw e;
        return page(ctx, request, reply, { errors: e.fields, message: e.message }, 422);
      }
    };

  app.post<DisputeParams & { Body: Form }>(
    `${path}/:disputeId/stages`,
    change((actor, id, form) => addStage(ctx, actor, id, stageFromForm(form))),
  );
  app.post<DisputeParams & { Body: Form }>(
    `${path}/:disputeId/decision`,
    change((actor, id, form) => {
      const kind = (form.kind ?? '') as DisputeStage['kind'];
      const result = kind in STAGE_KINDS ? resultFor(kind, form.result) : undefined;
      if (!result) throw validationFailed({ result: '请选择结果。' });
      return decideStage(ctx, actor, id, { decidedOn: (form.decidedOn ?? '').trim(), result });
    }),
  );

  app.get<{ Params: { agencyId: string; year: string; ext: string } }>(
    `${path}/template.:ext`,
    async (request, reply) => {
      const user = requireUser(request);
      yearOf(request.params.year);
      await reportAgency(ctx, user.actor, request.params.agencyId, 'read');
      const kind = sheetKindOf(`x.${request.params.ext}`);
      const name = `行政复议行政诉讼登记模板.${kind}`;
      return reply
        .type(
          kind === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await disputesTemplate(kind));
    },
  );

  await app.register(async (scope) => {
    await acceptSheetUpload(scope);
    scope.post<YearParams>(`${path}/import`, async (request, reply) => {
      const user = requireUser(request);
      const year = yearOf(request.params.year);
      try {
        const file = uploadedFile(request.body);
        await importDisputes(ctx, user.actor, request.params.agencyId, file.data, sheetKindOf(file.fileName));
        return reply.redirect(`${reportPaths.register(request.params.agencyId, year)}?saved=import`, 303);
      } catch (e) {
        if (!isValidation(e)) throw e;
        const problems = Object.keys(e.fields).length ? Object.values(e.fields) : [e.message];
        return page(ctx, request, reply, { importProblems: problems }, 422);
      }
    });
  });
}
