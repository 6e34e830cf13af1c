/**
 * /admin/requests/import — upload of historical cases (XLSX or CSV) and the templates to fill. A refused file
 * lists every problem by row and column; nothing is stored until the whole file is right.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MB } from '../../platform/uploads.js';
import { acceptUploads, fileOf } from '../../web/uploads.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { agenciesInScope, requireUser, sendAdminPage } from '../../web/admin-kit.js';
import { CsrfField, ErrorSummary, Field, type Errors } from '../../web/views/forms.js';
import { ImportRefused, importCases, problemText, type RowProblem } from './import-cases.js';
import { readImportFile } from './import-file.js';
import { csvTemplate, xlsxTemplate } from './import-template.js';

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function registerImportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await acceptUploads(app, { maxBytes: 20 * MB, maxFiles: 5 });

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { agencyId?: string; errors?: Errors; problems?: RowProblem[]; imported?: number },
    status = 200,
  ) => {
    const user = requireUser(request);
    const agencies = await agenciesInScope(ctx, user, 'requests.handle');
    const problems = state.problems ?? [];
    return sendAdminPage(
      reply,
      request,
      '导入历史申请案件',
      <>
        <h1>导入历史申请案件</h1>
        {state.imported !== undefined && (
          <p class="notice" role="status">
            已导入 {state.imported} 件申请。<a href="/admin/requests?queue=all">查看在办案件</a>
          </p>
        )}
        <ErrorSummary
          errors={state.errors ?? {}}
          {...(problems.length
            ? { message: `导入文件中有 ${problems.length} 处错误，未导入任何案件。请修改后重新上传。` }
            : {})}
        />
        {problems.length > 0 && (
          <ol class="import-problems">
            {problems.slice(0, 500).map((p) => (
              <li>{problemText(p)}</li>
            ))}
          </ol>
        )}
        <p>
          年中开始使用本平台的机关，可以把此前收到的申请导入，使本年度报告表三完整。每行一件申请，校验规则与登记申请相同；
          任一行有误时，整个文件都不导入。
        </p>
        <ul>
          <li>
            <a href="/admin/requests/import/template.xlsx">下载导入模板（Excel）</a>
          </li>
          <li>
            <a href="/admin/requests/import/template.csv">下载导入模板（CSV）</a>
          </li>
        </ul>
        <form method="post" action="/admin/requests/import" enctype="multipart/form-data" novalidate>
          <CsrfField token={request.csrfToken} />
          <Field name="agencyId" label="受理机关" errors={state.errors ?? {}}>
            {(a) => (
              <select {...a}>
                {agencies.map((x) => (
                  <option value={x.id} selected={state.agencyId === x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="file" label="导入文件（.xlsx 或 .csv）" errors={state.errors ?? {}}>
            {(a) => <input {...a} type="file" accept=".xlsx,.csv" />}
          </Field>
          <button type="submit">导入</button>
        </form>
      </>,
      status,
    );
  };

  app.get<{ Querystring: { imported?: string } }>('/admin/requests/import', (request, reply) =>
    page(
      request,
      reply,
      /^\d+$/.test(request.query.imported ?? '') ? { imported: Number(request.query.imported) } : {},
    ),
  );

  app.get('/admin/requests/import/template.xlsx', async (request, reply) => {
    requireUser(request);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment('依申请公开案件导入模板.xlsx'))
      .send(await xlsxTemplate());
  });

  app.get('/admin/requests/import/template.csv', async (request, reply) => {
    requireUser(request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', attachment('依申请公开案件导入模板.csv'))
      .send(csvTemplate());
  });

  app.post('/admin/requests/import', async (request, reply) => {
    const user = requireUser(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const agencyId = typeof body.agencyId === 'string' ? body.agencyId : '';
    const file = fileOf(body, 'file');
    if (!file) return page(request, reply, { agencyId, errors: { file: '请选择要导入的文件' } }, 422);
    try {
      const table = await readImportFile(file.data, file.fileName);
      const r = await importCases(ctx, user.actor, agencyId, table);
      return reply.redirect(`/admin/requests/import?imported=${r.imported}`, 303);
    } catch (e) {
      if (e instanceof ImportRefused) return page(request, reply, { agencyId, problems: e.problems }, 422);
      if (e instanceof DomainError && (e.code === 'import.unreadable' || e.code === 'input.limit_exceeded'))
        return page(request, reply, { agencyId, errors: { file: e.message } }, 422);
      throw e;
    }
  });
}
