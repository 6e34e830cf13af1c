/**
 * Admin screen of the bulk import: download the template, upload the sheet with its attachment files, and
 * see every problem by row and column when the file is refused (nothing is stored then).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Agency } from '../../access/agency.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError, validationFailed } from '../../platform/errors.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, type Errors } from '../../web/views/forms.js';
import {
  importItems,
  importTemplate,
  ImportRefused,
  MAX_IMPORT_ROWS,
  type ImportProblem,
} from './import-items.js';
import { acceptUploads, filesOf } from '../../web/uploads.js';
import { MAX_ATTACHMENT_BYTES } from '../items/attachments.js';

/** Attachments uploaded with one sheet (each ≤ 20 MB, as in the editor). */
const MAX_UPLOAD_FILES = 200;

type Body = Record<string, unknown>;

/** What the import page shows: the agency chosen, a refusal (errors, message, problems) or what was done. */
interface ImportPageState {
  agencyId?: string;
  errors?: Errors;
  message?: string;
  problems?: ImportProblem[];
  done?: string;
}

/** The problems of a refused file, by row and column. */
function ImportProblems(props: { problems: ImportProblem[] }) {
  const { problems } = props;
  return (
    <table>
      <caption>导入文件中的问题（共 {problems.length} 处，未导入任何条目）</caption>
      <thead>
        <tr>
          <th scope="col">行</th>
          <th scope="col">列</th>
          <th scope="col">问题</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p) => (
          <tr>
            <td>{p.row ? `第 ${p.row} 行` : '整个文件'}</td>
            <td>{p.column}</td>
            <td>{p.problem}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The template links, then the form: the agency, the sheet, its attachments and 立即发布. */
function ImportForm(props: { csrf: string; agencies: Agency[]; agencyId?: string; errors?: Errors }) {
  const { agencies, agencyId, errors } = props;
  return (
    <>
      <p>
        下载模板：<a href="/admin/catalog/import/template.xlsx">XLSX 模板</a> ·{' '}
        <a href="/admin/catalog/import/template.csv">CSV 模板</a>。“标题”“栏目”必填；栏目可填名称或代码；
        发布日期由系统在发布时记录，表格中不填。一次最多 {MAX_IMPORT_ROWS} 行，全部无误才会导入。
      </p>
      <form method="post" action="/admin/catalog/import" enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <Field name="agency" label="机关" errors={errors}>
          {(attrs) => (
            <select {...attrs}>
              {agencies.map((a) => (
                <option value={a.id} selected={a.id === agencyId}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="sheet" label="条目表格（XLSX 或 CSV）" errors={errors}>
          {(attrs) => <input {...attrs} type="file" accept=".xlsx,.csv" />}
        </Field>
        <Field
          name="attachments"
          label="附件文件（可多选）"
          hint={`表格“附件文件名”列中列出的文件，最多 ${MAX_UPLOAD_FILES} 个，每个不超过 20 MB。`}
          errors={errors}
        >
          {(attrs) => <input {...attrs} type="file" multiple />}
        </Field>
        <div class="field">
          <input id="f-publish" type="checkbox" name="publish" value="1" />{' '}
          <label for="f-publish">
            立即发布（仅限一级审核的机关；发布日期为今天，索引号按本机关规则生成；发布前检查有任何发现则整批不导入）
          </label>
        </div>
        <button type="submit">导入</button>
      </form>
    </>
  );
}

/** The import page; 400 when it shows a refusal. */
const importPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  agencies: Agency[],
  state: ImportPageState = {},
) =>
  sendAdminPage(
    reply,
    request,
    '批量导入公开信息',
    <>
      <h1>批量导入公开信息</h1>
      {state.done && (
        <div class="notice" role="status">
          <p>{state.done}</p>
          <p>
            <a href="/admin/catalog">查看公开信息列表</a>
          </p>
        </div>
      )}
      <ErrorSummary errors={state.errors ?? {}} message={state.message} />
      {state.problems && state.problems.length > 0 && <ImportProblems problems={state.problems} />}
      <ImportForm
        csrf={request.csrfToken}
        agencies={agencies}
        agencyId={state.agencyId}
        errors={state.errors}
      />
    </>,
    state.errors || state.problems?.length || state.message ? 400 : 200,
  );

export async function registerCatalogImportAdmin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await acceptUploads(app, { maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: MAX_UPLOAD_FILES + 1 });

  app.get<{ Querystring: { agency?: string; done?: string; published?: string } }>(
    '/admin/catalog/import',
    async (request, reply) => {
      const user = requireUser(request);
      const agencies = await agenciesInScope(ctx, user, 'catalog.edit');
      const n = Number(request.query.done);
      const done =
        Number.isInteger(n) && n > 0
          ? request.query.published
            ? `已导入并发布 ${n} 条。`
            : `已导入 ${n} 条草稿，请逐条送审后发布。`
          : undefined;
      return importPage(request, reply, agencies, { agencyId: request.query.agency, done });
    },
  );

  for (const kind of ['xlsx', 'csv'] as const)
    app.get(`/admin/catalog/import/template.${kind}`, async (request, reply) => {
      requireUser(request);
      return reply
        .type(
          kind === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
        )
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`公开信息导入模板.${kind}`)}`,
        )
        .send(await importTemplate(kind));
    });

  app.post('/admin/catalog/import', async (request, reply) => importSheet(ctx, request, reply));
}

/** Imports the uploaded sheet and its attachments, or shows the page again with every problem. */
async function importSheet(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  const user = requireUser(request);
  const agencies = await agenciesInScope(ctx, user, 'catalog.edit');
  const body = (request.body ?? {}) as Body;
  const agencyId = typeof body.agency === 'string' ? body.agency : '';
  const publish = body.publish === '1';
  const files = filesOf(body);
  const sheet = files.find((f) => f.field === 'sheet');
  const attachments = new Map(
    files.filter((f) => f.field === 'attachments').map((f) => [f.fileName, f.data]),
  );
  try {
    if (!sheet) throw validationFailed({ sheet: '请选择要导入的表格文件' });
    const r = await importItems(ctx, user.actor, agencyId, sheet, {
      publish,
      attachment: async (name) => attachments.get(name),
    });
    return reply.redirect(
      `/admin/catalog/import?agency=${encodeURIComponent(agencyId)}&done=${r.imported}${r.published ? '&published=1' : ''}`,
      303,
    );
  } catch (e) {
    if (e instanceof ImportRefused)
      return importPage(request, reply, agencies, { agencyId, problems: e.problems, message: e.message });
    if (e instanceof DomainError && e.code === 'validation.failed')
      return importPage(request, reply, agencies, { agencyId, errors: { sheet: e.message, ...e.fields } });
    if (e instanceof DomainError && (e.code.startsWith('catalog.') || e.code === 'auth.forbidden'))
      return importPage(request, reply, agencies, { agencyId, message: e.message });
    throw e;
  }
}
