/**
 * The table 二 entry screen for an agency and year (every row of the year's format, each with its source),
 * its XLSX/CSV import and the downloadable template. Supervisors see the figures read-only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Agency } from '../../access/agency.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, ErrorSummary, fieldId, type Errors } from '../../web/views/forms.js';
import { saveArticle20Figures } from '../entry/save-article20.js';
import { reportAgency } from '../entry/access.js';
import { article20Template, importArticle20 } from '../import/article20-import.js';
import { sheetKindOf, type SheetKind } from '../../sheets/sheet.js';
import { formatForYear, formatOf } from '../model/formats.js';
import type { Article20Entry } from '../ports.js';
import { article20Store } from '../stores/article20.store.js';
import { withRegistryRow } from '../report-sources.js';
import { reportPaths, yearOf } from './paths.js';
import { ProblemList, ReportNav } from './report-nav.js';
import { acceptSheetUpload, uploadedFile } from './upload.js';

type Form = Record<string, string | undefined>;
type YearParams = { Params: { agencyId: string; year: string } };

const valueName = (rowId: string, columnId: string) => `v:${rowId}:${columnId}`;
const sourceName = (rowId: string) => `source:${rowId}`;

/** Form text → a number; anything not a plain decimal becomes NaN, which the use case reports as 应为数字. */
function parseNumber(text: string): number {
  const t = text.replace(/[,，\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** The rows the person filled in (any value or a source); untouched rows are left as stored. */
function article20FormToEntries(year: number, form: Form): Article20Entry[] {
  const rows = formatOf(formatForYear(year)).tables.t2.rows.filter((r) => !r.heading);
  const entries: Article20Entry[] = [];
  for (const row of rows) {
    const values: Record<string, number | null> = {};
    let filled = false;
    for (const c of row.columns) {
      const text = (form[valueName(row.id, c.id)] ?? '').trim();
      values[c.id] = text === '' ? null : parseNumber(text);
      if (text !== '') filled = true;
    }
    const source = (form[sourceName(row.id)] ?? '').trim();
    if (filled || source) entries.push({ rowId: row.id, values, source });
  }
  return entries;
}

function formOf(entries: readonly Article20Entry[]): Form {
  const form: Form = {};
  for (const e of entries) {
    form[sourceName(e.rowId)] = e.source;
    for (const [c, v] of Object.entries(e.values)) form[valueName(e.rowId, c)] = v === null ? '' : String(v);
  }
  return form;
}

function Article20Page(props: {
  agency: Agency;
  year: number;
  editable: boolean;
  values: Form;
  errors: Errors;
  message?: string | undefined;
  csrf: string;
  saved?: string | undefined;
  importProblems?: readonly string[];
  /** A row the platform computes (the 规范性文件 row from the registry): shown, not entered. */
  computed?: Article20Entry | undefined;
}) {
  const { agency, year, computed } = props;
  const layout = formatOf(formatForYear(year)).tables.t2;
  const action = reportPaths.article20(agency.id, year);
  const rows = layout.rows.filter((r) => !r.heading);
  return (
    <>
      <ReportNav agency={agency} year={year} current="article20" />
      <h1>{year}年度主动公开数据（第二十条）</h1>
      {props.saved && (
        <p class="notice" role="status">
          {props.saved === 'import' ? '已导入。' : '已保存。'}
        </p>
      )}
      {props.importProblems && (
        <ProblemList
          message="导入文件有问题，未导入任何数据："
          problems={props.importProblems}
          field="f-file"
        />
      )}
      <ErrorSummary errors={props.errors} message={props.message} />
      <p class="hint">
        规章、规范性文件及行政许可、处罚、强制、收费等数据来自其他系统，请按年度填报并注明数据来源。留空的格在年报中为空。
      </p>
      <form method="post" action={action} novalidate>
        {props.editable && <CsrfField token={props.csrf} />}
        {rows.map((row) => {
          const parent = layout.rows.find((r) => r.id === row.parentId);
          const error = props.errors[row.id];
          if (computed?.rowId === row.id)
            return (
              <fieldset id={fieldId(row.id)}>
                <legend>
                  {parent?.label} {row.label}
                </legend>
                <p class="hint">由本平台的规范性文件登记计算（{computed.source}），无需填报。</p>
                {row.columns.map((c) => (
                  <div class="field inline">
                    <label for={fieldId(`computed:${row.id}:${c.id}`)}>
                      {c.label}
                      {c.unit ? `（${c.unit}）` : ''}
                    </label>
                    <input
                      type="text"
                      id={fieldId(`computed:${row.id}:${c.id}`)}
                      value={String(computed.values[c.id] ?? '')}
                      readOnly
                      size={10}
                    />
                  </div>
                ))}
              </fieldset>
            );
          return (
            <fieldset id={fieldId(row.id)} class={error ? 'field-error' : undefined}>
              <legend>
                {parent?.label} {row.label}
              </legend>
              {error && (
                <p class="error-message">
                  <span class="visually-hidden">错误：</span>
                  {error}
                </p>
              )}
              {row.columns.map((c) => {
                const name = valueName(row.id, c.id);
                return (
                  <div class="field inline">
                    <label for={fieldId(name)}>
                      {c.label}
                      {c.unit ? `（${c.unit}）` : ''}
                    </label>
                    <input
                      type="text"
                      inputMode="decimal"
                      id={fieldId(name)}
                      name={name}
                      value={props.values[name] ?? ''}
                      readOnly={!props.editable}
                      size={10}
                    />
                  </div>
                );
              })}
              <div class="field">
                <label for={fieldId(sourceName(row.id))}>数据来源</label>
                <input
                  type="text"
                  id={fieldId(sourceName(row.id))}
                  name={sourceName(row.id)}
                  value={props.values[sourceName(row.id)] ?? ''}
                  readOnly={!props.editable}
                />
              </div>
            </fieldset>
          );
        })}
        {props.editable && <button type="submit">保存</button>}
      </form>
      {props.editable && (
        <section aria-labelledby="import-title">
          <h2 id="import-title">从表格导入</h2>
          <p>
            下载模板：<a href={`${action}/template.xlsx`}>XLSX 模板</a>、
            <a href={`${action}/template.csv`}>CSV 模板</a>
            。每行一格数据，按“行编号、列编号”识别；整份文件无误才会导入，有任何错误都不导入。
          </p>
          <form method="post" action={`${action}/import`} enctype="multipart/form-data">
            <CsrfField token={props.csrf} />
            <div class="field">
              <label for="f-file">选择文件（XLSX 或 CSV）</label>
              <input type="file" id="f-file" name="file" accept=".xlsx,.csv" />
            </div>
            <button type="submit">导入</button>
          </form>
        </section>
      )}
    </>
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
  const entered = await article20Store.forYear(ctx.db, agency.id, year);
  const shown = await withRegistryRow(ctx, agency.id, year, formatForYear(year), entered);
  const values = extra.values ?? formOf(entered);
  return sendAdminPage(
    reply,
    request,
    `${agency.name}${year}年度主动公开数据`,
    <Article20Page
      agency={agency}
      year={year}
      editable={editable}
      values={values}
      errors={extra.errors ?? {}}
      message={extra.message}
      csrf={request.csrfToken}
      saved={extra.saved}
      computed={shown.find((e) => !entered.includes(e))}
      {...(extra.importProblems ? { importProblems: extra.importProblems } : {})}
    />,
    status,
  );
}

const isValidation = (e: unknown): e is DomainError =>
  e instanceof DomainError && e.code === 'validation.failed';

export async function registerArticle20Routes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const path = '/admin/reports/:agencyId/:year/article20';
  app.get<YearParams & { Querystring: { saved?: string } }>(path, (request, reply) =>
    page(ctx, request, reply, request.query.saved ? { saved: request.query.saved } : {}),
  );

  app.post<YearParams & { Body: Form }>(path, async (request, reply) => {
    const user = requireUser(request);
    const year = yearOf(request.params.year);
    const form = request.body ?? {};
    try {
      await saveArticle20Figures(
        ctx,
        user.actor,
        request.params.agencyId,
        year,
        article20FormToEntries(year, form),
      );
      return reply.redirect(`${reportPaths.article20(request.params.agencyId, year)}?saved=form`, 303);
    } catch (e) {
      if (!isValidation(e)) throw e;
      return page(ctx, request, reply, { values: form, errors: e.fields, message: e.message }, 422);
    }
  });

  app.get<{ Params: { agencyId: string; year: string; ext: string } }>(
    `${path}/template.:ext`,
    async (request, reply) => {
      const user = requireUser(request);
      const year = yearOf(request.params.year);
      await reportAgency(ctx, user.actor, request.params.agencyId, 'read');
      const kind: SheetKind = sheetKindOf(`x.${request.params.ext}`);
      const file = await article20Template(year, kind);
      const name = `主动公开数据模板-${year}.${kind}`;
      return reply
        .type(
          kind === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(file);
    },
  );

  await app.register(async (scope) => {
    await acceptSheetUpload(scope);
    scope.post<YearParams>(`${path}/import`, async (request, reply) => {
      const user = requireUser(request);
      const year = yearOf(request.params.year);
      try {
        const file = uploadedFile(request.body);
        await importArticle20(
          ctx,
          user.actor,
          request.params.agencyId,
          year,
          file.data,
          sheetKindOf(file.fileName),
        );
        return reply.redirect(`${reportPaths.article20(request.params.agencyId, year)}?saved=import`, 303);
      } catch (e) {
        if (!isValidation(e)) throw e;
        const problems = Object.keys(e.fields).length ? Object.values(e.fields) : [e.message];
        return page(ctx, request, reply, { importProblems: problems }, 422);
      }
    });
  });
}
